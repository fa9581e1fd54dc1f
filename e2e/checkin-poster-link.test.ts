// Issue #7 §2: the venue poster's QR opens in any phone camera (a link to this platform's check-in
// page, sign-in by one-time code if needed, then one tap), the platform's own scanner still reads it
// offline, and posters printed before (the bare token) keep working.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import jsQR from 'jsqr';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, otpFor, randomPhone } from './support/checkin';
import { openFromMenu } from './support/nav';

/** What a camera reads from the QR the server draws: the SVG painted on a canvas, decoded by jsQR. */
async function readQr(page: Page, svg: string): Promise<string> {
  const size = 600;
  // Runs in the page (this file has no DOM types): paint the SVG on a white canvas, return its pixels.
  const data = await page.evaluate<number[]>(`(async () => {
    const img = new Image();
    img.src = 'data:image/svg+xml;base64,' + btoa(${JSON.stringify(svg)});
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = ${size};
    const g = canvas.getContext('2d');
    g.fillStyle = '#fff';
    g.fillRect(0, 0, ${size}, ${size});
    g.drawImage(img, 0, 0, ${size}, ${size});
    return Array.from(g.getImageData(0, 0, ${size}, ${size}).data);
  })()`);
  const code = jsQR(Uint8ClampedArray.from(data), size, size);
  if (!code) throw new Error('the QR could not be read');
  return code.data;
}

const myVisits = async (s: Awaited<ReturnType<typeof citizenWithRecord>>['session']) =>
  (await s.request<{ items: { venueId: string }[] }>('GET', '/api/me/checkins')).items.map((v) => v.venueId);

describe('venue poster QR: a link any phone camera opens, still read by our scanner (360 px)', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a phone camera opens the poster: sign in by one-time code, then one tap checks in', async () => {
    const phone = randomPhone();
    const me = await citizenWithRecord(server, phone, 'Trần Thị Camera');
    const { session: manager, venueId } = await managerWithVenue(server, 'Nhà thuốc Camera');
    const qr = await manager.request<{ svg: string }>('GET', `/api/venues/${venueId}/qr`);

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-poster-link', async () => {
      await page.goto('/sign-in');
      const link = await readQr(page, qr.svg);
      assert.match(link, new RegExp(`^${server.url}/checkin#PD1:V:`), 'a link to this platform');
      assert.ok(!link.includes('?'), 'nothing in a query string');

      // The camera app opens the link in the browser, signed out.
      await page.goto(link);
      await page.getByRole('tab', { name: 'Người dân' }).click();
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').fill(await otpFor(server, phone));
      await page.getByRole('button', { name: 'Xác nhận' }).click();

      const tap = page.getByRole('button', { name: 'Ghi nhận lượt vào' });
      await tap.waitFor();
      assert.deepEqual(await myVisits(me.session), [], 'nothing recorded before the tap');
      await tap.click();
      const done = page.getByTestId('checkin-done');
      await done.waitFor();
      assert.match((await done.textContent()) ?? '', /Nhà thuốc Camera/);
      assert.deepEqual(await myVisits(me.session), [venueId]);
      assert.ok(!page.url().includes('PD1:'), 'the token leaves the address bar once used');
    });
    await context.close();
  });

  it('our scanner reads the link offline, and a poster printed before (bare token) still works', async () => {
    const phone = randomPhone();
    const me = await citizenWithRecord(server, phone, 'Lê Văn Ngoại Tuyến');
    const { session: manager, venueId } = await managerWithVenue(server, 'Chợ Cũ Mới');
    const { token, url } = await manager.request<{ token: string; url: string }>(
      'GET',
      `/api/venues/${venueId}/qr`,
    );
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-poster-offline', async () => {
      await page.goto('/sign-in');
      await page.getByRole('tab', { name: 'Người dân' }).click();
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').fill(await otpFor(server, phone));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL('**/me');
      await openFromMenu(page, 'Quét mã điểm');
      // The network drops once the scanner is on the screen (its code may still be on its way before).
      await page.getByLabel('Dán mã điểm').waitFor();

      await context.setOffline(true);
      await page.getByLabel('Dán mã điểm').fill(url);
      await page.getByLabel('Dán mã điểm').press('Enter');
      await page.getByText('Đang ngoại tuyến: lượt quét được lưu trên máy').waitFor();
      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      assert.deepEqual(await myVisits(me.session), [venueId]);

      // A poster printed before this change holds the bare signed token.
      await page.getByLabel('Dán mã điểm').fill(token);
      await page.getByLabel('Dán mã điểm').press('Enter');
      await page.getByTestId('checkin-done').filter({ hasText: 'Chợ Cũ Mới' }).waitFor();
      assert.deepEqual(await myVisits(me.session), [venueId, venueId]);
    });
    await context.close();
  });
});
