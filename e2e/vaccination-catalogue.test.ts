import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

describe('vaccine catalogue editor (360 px)', () => {
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

  it('a national administrator adds a new version in the UI; the old one stays in force until the new one’s date', async () => {
    const version = `vn-e2e-${Date.now()}`;
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-catalogue', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Danh mục vắc xin');
      const inForce = page.getByTestId('catalogue-version').filter({ hasText: 'đang áp dụng' });
      await inForce.waitFor();
      const before = (await inForce.locator('strong').textContent())!;

      // The rules start as the version in force; the administrator changes one schedule in them.
      const rules = page.getByLabel(/Sản phẩm, lịch tiêm/);
      const body = JSON.parse(await rules.inputValue()) as {
        products: { schedule: { intervals: { minDays: number }[] } }[];
      };
      body.products[0]!.schedule.intervals[0]!.minDays += 7;
      await rules.fill(JSON.stringify(body, null, 2));
      await page.getByLabel('Tên phiên bản').fill(version);
      // In force 20 seconds from now (time enough to save it and see the old one still in force on a
      // loaded machine), in the phone's own time zone (what the field shows).
      const inForceAt = Date.now() + 20_000;
      const local = await page.evaluate((at) => {
        const d = new Date(at);
        return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
      }, inForceAt);
      await page.getByLabel('Có hiệu lực từ').fill(local);
      await page.getByRole('button', { name: 'Lưu phiên bản mới' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Đã lưu phiên bản ${version}.` })
        .waitFor();

      // A new version beside the old one, not an edit of it; the old one is still the one in force.
      const added = page.getByTestId('catalogue-version').filter({ hasText: version });
      await added.waitFor();
      assert.equal(await added.filter({ hasText: 'đang áp dụng' }).count(), 0);
      await page
        .getByTestId('catalogue-version')
        .filter({ hasText: before })
        .filter({ hasText: 'đang áp dụng' })
        .waitFor();

      // From its date it is the one in force.
      await page.waitForTimeout(Math.max(0, inForceAt + 2_000 - Date.now()));
      await page.reload();
      await page
        .getByTestId('catalogue-version')
        .filter({ hasText: version })
        .filter({ hasText: 'đang áp dụng' })
        .waitFor();
      await page.getByTestId('catalogue-version').filter({ hasText: before }).waitFor();
      assert.equal(
        await page.getByTestId('catalogue-version').filter({ hasText: 'đang áp dụng' }).count(),
        1,
      );
    });
    await context.close();
  });
});
