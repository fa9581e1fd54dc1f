import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { checkinsAt, citizenWithRecord, managerWithVenue, randomPhone, signInStaff } from './support/checkin';

describe('venue staff scanner: a scan made offline is synced exactly once (360 px)', () => {
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

  it('queues a keyboard-wedge scan while offline and sends it when the network returns', async () => {
    const { account, venueId } = await managerWithVenue(server, 'Tạp hoá Ngoại Tuyến');
    const visitor = await citizenWithRecord(server, randomPhone(), 'Đinh Thị Mạng');
    const { token } = await visitor.session.request<{ token: string }>('GET', '/api/me/qr');
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-offline', async () => {
      await signInStaff(page, account);
      await page.goto('/scan');
      await page.getByRole('heading', { name: 'Quét mã' }).waitFor();
      await page.locator(`select[name="venue"] option[value="${venueId}"]`).waitFor({ state: 'attached' });
      await page.locator('select[name="venue"]').selectOption(venueId);
      // The published keys are cached for offline checks before the network goes.
      await page.waitForFunction(
        "Object.keys(JSON.parse(localStorage.getItem('phongdich.qrKeys') ?? '{}')).length > 0",
      );

      await context.setOffline(true);
      await page.getByTestId('online-state').filter({ hasText: 'Mất kết nối mạng' }).waitFor();
      await page.getByLabel('Mã quét được').fill(token);
      await page.getByLabel('Mã quét được').press('Enter');
      await page.getByTestId('scan-queued').waitFor();
      assert.match((await page.getByTestId('scan-queued').textContent()) ?? '', /kiểm tra ngoại tuyến/);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 1' }).waitFor();
      assert.deepEqual(await checkinsAt(officer, venueId), [], 'nothing reached the server while offline');

      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      const first = await checkinsAt(officer, venueId);
      assert.equal(first.length, 1);
      assert.equal(first[0]!.personId, visitor.personId);
      assert.equal(first[0]!.method, 'personal_qr');

      // The queue survives a reload and nothing is sent twice.
      await page.reload();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      assert.equal((await checkinsAt(officer, venueId)).length, 1);

      // Installed app: with the service worker in control, the scanner opens with no network at all.
      await page.waitForFunction('!!navigator.serviceWorker && !!navigator.serviceWorker.controller');
      await context.setOffline(true);
      await page.goto('/scan');
      await page.getByRole('heading', { name: 'Quét mã' }).waitFor();
      await page.getByTestId('online-state').filter({ hasText: 'Mất kết nối mạng' }).waitFor();
      await context.setOffline(false);
    });
    await context.close();
  });
});
