// Issue #7 §5: the venue poster's link on a phone that never opened the app opens the light check-in
// page (checkin.html, no React): one tap records the visit; offline it queues and sends once; a
// session that ended signs the citizen in through the full app and comes back to the tap; English
// when chosen on the device. 360 px, service worker blocked (a first visit).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, otpFor, randomPhone } from './support/checkin';
import type { ApiSession } from './support/api';

const myVisits = async (s: ApiSession) =>
  (await s.request<{ items: { venueId: string }[] }>('GET', '/api/me/checkins')).items.map((v) => v.venueId);

describe('light first-visit check-in page (360 px, no service worker yet)', () => {
  let server: TestServer;
  let browser: Browser;
  let venueId: string;
  let link: string;
  let token: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const venue = await managerWithVenue(server, 'Tiệm Bánh Nhẹ');
    venueId = venue.venueId;
    ({ url: link, token } = await venue.session.request<{ url: string; token: string }>(
      'GET',
      `/api/venues/${venueId}/qr`,
    ));
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function signedInContext(session: ApiSession, lang?: 'en'): Promise<BrowserContext> {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: MOBILE,
      locale: 'vi-VN',
      hasTouch: true,
      serviceWorkers: 'block',
    });
    context.setDefaultTimeout(15_000);
    const { hostname } = new URL(server.url);
    await context.addCookies(session.cookies().map((c) => ({ ...c, domain: hostname, path: '/' })));
    if (lang) await context.addInitScript(`localStorage.setItem('pd.lang', '${lang}')`);
    return context;
  }

  it('the poster link: the light page, one tap, recorded once, the token gone from the address bar', async () => {
    const me = await citizenWithRecord(server, randomPhone(), 'Vi Thị Nhẹ');
    const context = await signedInContext(me.session);
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => r.resourceType() === 'script' && scripts.push(r.url()));
    await withScreenshot(page, 'checkin-light-link', async () => {
      await page.goto(link);
      const tap = page.getByRole('button', { name: 'Ghi nhận lượt vào' });
      await tap.click();
      await page.getByTestId('checkin-done').filter({ hasText: 'Tiệm Bánh Nhẹ' }).waitFor();
      assert.ok(!page.url().includes('PD1:'), 'the token leaves the address bar once used');
      assert.deepEqual(await myVisits(me.session), [venueId]);
      assert.ok(!scripts.some((u) => /\/assets\/index-/.test(u)), 'the full app was not loaded');
      assert.ok(!scripts.some((u) => /jsqr/i.test(u)), 'nor the camera library');
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= MOBILE.width, `the page is ${width} px wide`);
      // Not a venue's code: said so, nothing sent.
      await page.getByLabel('Dán mã điểm').fill('xin chào');
      await page.getByLabel('Dán mã điểm').press('Enter');
      await page.getByRole('alert').getByText('Đây không phải mã QR của điểm kiểm soát.').waitFor();
      // The full app is one link away.
      await page.getByRole('link', { name: 'Mở ứng dụng Phòng Dịch' }).click();
      await page
        .getByRole('heading', { level: 1 })
        .filter({ hasText: /Vi Thị Nhẹ|hồ sơ/i })
        .first()
        .waitFor();
    });
    await context.close();
  });

  it('offline: the check-in is queued on the device and sent once when the network returns', async () => {
    const me = await citizenWithRecord(server, randomPhone(), 'Hoàng Văn Mất Sóng');
    const context = await signedInContext(me.session);
    const page = await context.newPage();
    await withScreenshot(page, 'checkin-light-offline', async () => {
      await page.goto('/checkin');
      await page.getByRole('button', { name: 'Ghi nhận', exact: true, disabled: false }).waitFor();
      await context.setOffline(true);
      await page.getByLabel('Dán mã điểm').fill(token);
      await page.getByLabel('Dán mã điểm').press('Enter');
      await page.getByText('Đang ngoại tuyến: lượt quét được lưu trên máy').waitFor();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 1' }).waitFor();
      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      assert.deepEqual(await myVisits(me.session), [venueId], 'sent once');
      // A reload sends nothing more: the item left the queue when the server took it.
      await page.reload();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      assert.deepEqual(await myVisits(me.session), [venueId]);
    });
    await context.close();
  });

  it('a session that ended: sign in through the full app, then back to the one tap', async () => {
    const phone = randomPhone();
    const me = await citizenWithRecord(server, phone, 'Đặng Thị Hết Hạn');
    const context = await signedInContext(me.session);
    const page = await context.newPage();
    await withScreenshot(page, 'checkin-light-expired', async () => {
      await page.goto(link);
      await page.getByRole('button', { name: 'Ghi nhận lượt vào' }).waitFor();
      // The session ends on the server (signed out elsewhere); the cookie is still on the phone.
      await me.session.request('POST', '/api/auth/logout');
      // A slow network: the full app's first "who am I" answer (no session) arrives after the
      // citizen has already signed in, and must not sign them out again.
      await page.route('**/api/auth/me', async (route) => {
        const answer = await route.fetch();
        await new Promise((r) => setTimeout(r, 1_500));
        await route.fulfill({ response: answer });
      });
      await page.getByRole('button', { name: 'Ghi nhận lượt vào' }).click();
      await page.getByRole('tab', { name: 'Người dân' }).click();
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').fill(await otpFor(server, phone));
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      const tap = page.getByRole('button', { name: 'Ghi nhận lượt vào' });
      await tap.click();
      await page.getByTestId('checkin-done').filter({ hasText: 'Tiệm Bánh Nhẹ' }).waitFor();
    });
    await context.close();
  });

  it('in English when English was chosen on this device, errors included', async () => {
    const me = await citizenWithRecord(server, randomPhone(), 'Lý Văn Anh');
    const context = await signedInContext(me.session, 'en');
    const page = await context.newPage();
    await withScreenshot(page, 'checkin-light-en', async () => {
      await page.goto('/checkin');
      await page.getByRole('heading', { name: 'Scan a venue code' }).waitFor();
      await page.getByLabel('Paste the venue code').fill(token.slice(0, -4) + 'AAAA');
      await page.getByLabel('Paste the venue code').press('Enter');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /[A-Za-z]/);
      assert.doesNotMatch((await alert.textContent()) ?? '', /[ạảãàáâậầấẩẫăắằặẳẵđêềếệểễôồốộổỗơờớợởỡưừứựửữ]/i);
      await page.getByLabel('Paste the venue code').fill(token);
      await page.getByLabel('Paste the venue code').press('Enter');
      await page.getByTestId('checkin-done').filter({ hasText: 'Checked in at' }).waitFor();
    });
    await context.close();
  });
});
