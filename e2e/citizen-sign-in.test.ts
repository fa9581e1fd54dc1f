import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';

describe('citizen sign-in with a one-time code (360 px)', () => {
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

  it('requests a code, reads it from the development inbox page and signs in', async () => {
    const last8 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
    const phone = `09${last8}`;
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-sign-in', async () => {
      await page.goto('/sign-in');
      await page.getByRole('tab', { name: 'Người dân' }).click();
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').waitFor();

      // The development inbox is a page of its own, opened beside the sign-in form.
      const inbox = await context.newPage();
      await inbox.goto('/dev/inbox');
      const message = inbox
        .getByTestId('inbox-message')
        .filter({ hasText: `*${last8.slice(-4)}` })
        .first();
      const body = await message.locator('.message-body').textContent();
      const code = /\b(\d{6})\b/.exec(body ?? '')?.[1];
      assert.ok(code, `no 6-digit code in the inbox message: ${body}`);
      await inbox.close();

      await page.getByLabel('Mã xác thực').fill(code);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL('**/me');
      await page.getByRole('heading', { name: 'Hồ sơ của tôi' }).waitFor();
      const strip = await page.getByTestId('account-strip').textContent();
      assert.match(strip ?? '', /Người dân/);
      // The session survives a reload (cookie, not page state).
      await page.reload();
      await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
    });
    await context.close();
  });

  it('rejects a wrong code with the API message in Vietnamese', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-wrong-code', async () => {
      await page.goto('/sign-in');
      await page.getByLabel('Số điện thoại').fill('0987654321');
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').fill('000000');
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor();
      assert.match((await alert.textContent()) ?? '', /Mã OTP không đúng hoặc đã hết hạn/);
      assert.ok(page.url().endsWith('/sign-in'));
    });
    await context.close();
  });

  it('switches to English and remembers the choice after a reload', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'language-switch', async () => {
      await page.goto('/sign-in');
      await page.getByRole('heading', { name: 'Đăng nhập' }).waitFor();
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByRole('heading', { name: 'Sign in' }).waitFor();
      await page.reload();
      await page.getByLabel('Phone number').waitFor();
      assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    });
    await context.close();
  });
});
