import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { fitsWidth, launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs, ApiSession } from './support/api';
import { signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

const tag = ['Khang', 'Lộc', 'Minh', 'Nhân'][Math.floor(Math.random() * 4)] ?? 'Khang';
const displayName = `Lương Văn Sơn ${tag}`;
const username = `son.${Date.now().toString(36)}`;
const password = 'Strong-pass-2026!';

describe('accounts: search by name, two-factor and last sign-in, change role and unit by name (360 px)', () => {
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const admin = await apiAs(server, 'national_admin');
    await admin.request('POST', '/api/accounts', {
      username,
      displayName,
      role: 'commune_officer',
      unitCode: '00001',
      password,
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the account by its name typed without diacritics and shows its security state', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-accounts-search', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Quản lý tài khoản');
      const rows = page.getByTestId('account-row');
      await page
        .getByLabel('Tìm theo tên hoặc tên đăng nhập')
        .fill(`luong van son ${tag.normalize('NFD').replace(/\p{M}/gu, '')}`);
      const row = rows.filter({ hasText: displayName });
      await row.waitFor();
      await page.getByText('Tổng: 1 tài khoản').waitFor();
      const security = row.getByTestId('account-security');
      assert.match((await security.textContent()) ?? '', /Xác thực hai lớp: chưa bật/);
      assert.match((await security.textContent()) ?? '', /Chưa đăng nhập lần nào/);

      // The officer signs in; the list then tells when, in Vietnam time.
      await new ApiSession(server.url).login(username, password);
      await page.reload();
      await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill(username);
      await row.waitFor();
      assert.match(
        (await security.textContent()) ?? '',
        /Đăng nhập gần nhất: \d{2}:\d{2}:\d{2} \d{1,2}\/\d{1,2}\/\d{4}/,
      );
      assert.ok(await fitsWidth(row, 360), 'the account card fits the screen');
    });
    await context.close();
  });

  it('moves the account to a district by picking the unit by name (district and province shown)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-accounts-role', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await page.goto('/admin/accounts');
      await page.getByLabel('Tìm theo tên hoặc tên đăng nhập').fill(username);
      const row = page.getByTestId('account-row').filter({ hasText: displayName });
      await row.waitFor();
      await row.getByRole('button', { name: `Đổi vai trò và đơn vị: ${username}` }).click();
      await row.getByLabel('Vai trò mới').selectOption({ label: 'Cán bộ y tế huyện' });
      await row.getByLabel('Đơn vị mới').fill('ba dinh');
      await row.getByRole('button', { name: 'Quận Ba Đình, Thành phố Hà Nội' }).click();
      await row.getByRole('button', { name: 'Lưu' }).click();
      await row.getByText('Đã đổi vai trò và đơn vị.').waitFor();
      assert.match((await row.textContent()) ?? '', /Cán bộ y tế huyện · Quận Ba Đình/);
    });
    await context.close();
  });

  it('the unit picker tells homonymous communes apart by district and province; no code is typed', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-unit-picker', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await page.goto('/admin/accounts');
      await page.getByRole('combobox', { name: 'Đơn vị', exact: true }).fill('xa tan thanh');
      const options = page.getByRole('listbox', { name: 'Đơn vị' }).getByRole('option');
      await options.nth(1).waitFor();
      const labels = (await options.allTextContents()).map((s) => s.trim());
      const sameName = labels.filter((l) => l.startsWith('Xã Tân Thành, '));
      assert.ok(sameName.length >= 2, `several communes named Tân Thành: ${labels.join(' | ')}`);
      assert.equal(new Set(sameName).size, sameName.length, 'each one reads differently');
      for (const l of sameName) assert.equal(l.split(', ').length, 3, `commune, district, province: ${l}`);
      assert.doesNotMatch(labels.join(' '), /\(\d{5}\)/, 'no codes to read');
    });
    await context.close();
  });
});
