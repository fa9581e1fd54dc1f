import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, DESKTOP, newPage, withScreenshot } from './support/browser';
import { openFromMenu } from './support/nav';
import { signInStaff } from './support/checkin';

describe('national admin: verifying the audit chain against its signed heads', () => {
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

  it('shows the chain intact, how many entries and heads it checked, and the newest head, which anyone can fetch', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    await withScreenshot(page, 'audit-verify', async () => {
      // The administrator signs in with two factors, as the demo shows.
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Nhật ký truy cập');
      await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
      const status = page.getByRole('status');
      await status.getByText(/Chuỗi nhật ký toàn vẹn: \d+ bản ghi đã kiểm tra bằng khóa/).waitFor();
      const shown = (await status.getByText(/Mốc đã ký gần nhất: bản ghi thứ \d+/).textContent()) ?? '';
      await page.screenshot({ path: '/tmp/audit-verify.png' });
      // The heads are public: an operator's job fetches them without signing in.
      const published = (await (await fetch(`${server.url}/api/audit/heads`)).json()) as {
        heads: { sealSeq: number }[];
      };
      // The sealer may have published a newer head since the check (the sign-in and the check are
      // audited too): the head the page named must be one anyone can fetch.
      const seq = Number(/bản ghi thứ (\d+),/.exec(shown)?.[1]);
      assert.ok(
        published.heads.some((h) => h.sealSeq === seq),
        `head ${seq} is published (${published.heads.map((h) => h.sealSeq).join(', ')})`,
      );
    });
    await context.close();
  });
});
