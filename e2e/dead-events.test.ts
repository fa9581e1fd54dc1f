// Issue #9: dead domain events are visible to national administrators, who can retry them.
// The test server (support/failing-handler-server.ts) has one more handler on declaration.submitted
// that fails its first two calls; with two attempts allowed, a citizen's declaration leaves a dead
// event. The administrator finds it on the page (Menu → "Sự kiện xử lý lỗi"), presses "Thử lại", and
// the handler, succeeding this time, leaves nothing dead.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, randomPhone, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

const CLEAN = { symptoms: [], contact_case: false, contact_outbreak_area: false, contact_symptomatic: false };

describe('national admin: a dead event is shown and retried (360 px)', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startServer({ entry: 'e2e/support/failing-handler-server.ts' });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the failed declaration event with its attempts and error; Retry gets it handled', async () => {
    const me = await citizenWithRecord(server, randomPhone(), 'Lưu Thị Sự Kiện');
    await me.session.request('POST', '/api/declarations', {
      kind: 'domestic',
      personId: me.personId,
      answers: CLEAN,
    });
    const { context, page } = await newPage(browser, server.url, MOBILE);
    await withScreenshot(page, 'dead-events', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      const row = page.getByRole('row').filter({ hasText: 'declaration.submitted' });
      // The dispatcher runs every second; two attempts 200 ms apart: the event is dead within seconds.
      for (let tries = 0; ; tries++) {
        await openFromMenu(page, 'Sự kiện xử lý lỗi');
        await page.getByRole('heading', { name: 'Sự kiện xử lý lỗi' }).waitFor();
        if (await row.first().isVisible()) break;
        assert.ok(tries < 20, 'the event became dead');
        await page.waitForTimeout(1000);
      }
      await row.getByText('e2e: the handler fails (call 2)').waitFor();
      assert.equal((await row.getByRole('cell').nth(2).textContent())?.trim(), '2', 'two attempts');

      await row.getByRole('button', { name: 'Thử lại' }).click();
      await page
        .getByRole('status')
        .getByText(/Đã đưa sự kiện \d+ vào hàng xử lý lại\./)
        .waitFor();
      // Handled on the retry: nothing dead is left (the page reloads its list).
      for (let tries = 0; ; tries++) {
        await openFromMenu(page, 'Sự kiện xử lý lỗi');
        if (await page.getByText('Không có sự kiện nào bị lỗi.').isVisible()) break;
        assert.ok(tries < 20, 'the retried event was handled');
        await page.waitForTimeout(1000);
      }
      assert.equal(await row.count(), 0);
    });
    await context.close();
  });
});
