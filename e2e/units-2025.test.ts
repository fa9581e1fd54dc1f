import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type DemoAccount, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs, totpNow } from './support/api';
import { openFromMenu } from './support/nav';

async function signInStaff(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập').fill(account.login);
  await page.getByLabel('Mật khẩu').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  if (account.totpSecret) {
    await page.getByLabel('Mã xác thực hai lớp').fill(totpNow(account.totpSecret));
    await page.getByLabel('Mã xác thực hai lớp').press('Enter');
  }
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

const tag = ['Quỳnh', 'Diệp', 'Thư', 'Ánh'][Math.floor(Math.random() * 4)] ?? 'Quỳnh';
const fold = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '');

describe('a 2025 deployment: a commune officer of Phường Hồng Hà searches people (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let insideId: string;
  let outsideId: string;
  const outsidePhone = `09${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;

  before(async () => {
    server = await startServer({ structure: '2025' });
    browser = await launchBrowser();
    // 2025 codes: Phường Hồng Hà (00097) is the officer's commune, Phường Ba Đình (00004) its neighbour.
    const officer = await apiAs(server, 'commune_officer', 'Hồng Hà');
    insideId = (
      await officer.request<{ id: string }>('POST', '/api/people', {
        fullName: `Nguyễn Thị Hằng ${tag}`,
        birthYear: 1990,
        sex: 'female',
        communeCode: '00097',
      })
    ).id;
    const admin = await apiAs(server, 'national_admin');
    outsideId = (
      await admin.request<{ id: string }>('POST', '/api/people', {
        fullName: `Trần Văn Đức ${tag}`,
        birthYear: 1985,
        sex: 'male',
        communeCode: '00004',
        phones: [outsidePhone],
      })
    ).id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds the person of their commune in full and the neighbouring commune’s person masked', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'units-2025-search', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Hồng Hà'));
      await openFromMenu(page, 'Tra cứu người dân');
      await page.getByLabel('Họ và tên').fill(fold(`nguyen thi hang ${tag}`));
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const mine = page
        .getByTestId('person-result')
        .filter({ has: page.locator(`a[href="/people/${insideId}"]`) });
      await mine.waitFor();
      assert.match((await mine.textContent()) ?? '', new RegExp(`Nguyễn Thị Hằng ${tag}`));
      assert.doesNotMatch((await mine.textContent()) ?? '', /Ngoài địa bàn/);

      await page.getByLabel('Họ và tên').fill('');
      await page.getByLabel('Số điện thoại').fill(outsidePhone);
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const theirs = page
        .getByTestId('person-result')
        .filter({ has: page.locator(`a[href="/people/${outsideId}"]`) });
      await theirs.waitFor();
      const text = (await theirs.textContent()) ?? '';
      assert.match(text, /Ngoài địa bàn/);
      assert.doesNotMatch(text, /Trần Văn Đức/, 'the neighbouring commune’s person is masked');
    });
    await context.close();
  });
});

describe('an administrator moves a 2021 deployment to 2025 and resolves a split commune (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let admin: DemoAccount;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pd-e2e-move-'));

  before(async () => {
    // Seeded on the 2021 map, then restarted on 2025 without the demo: nothing moved yet.
    const old = await startServer({ structure: '2021', dataDir });
    admin = old.demoAccount('national_admin');
    await old.stop();
    server = await startServer({ structure: '2025', dataDir, demo: false });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs the move from its page, sees counts per table, and a reload shows the same progress', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'units-2025-move', async () => {
      await signInStaff(page, admin);
      await openFromMenu(page, 'Chuyển sang bản đồ 2025');
      await page.getByText('Chưa chuyển lần nào.').waitFor();
      await page.getByRole('button', { name: 'Bắt đầu chuyển' }).click();
      await page.getByTestId('move-status').filter({ hasText: 'Đã xong' }).waitFor({ timeout: 120_000 });
      const people = page.getByTestId('move-table-persons');
      const moved = Number(((await people.locator('td').first().textContent()) ?? '').replace(/\D/g, ''));
      assert.ok(moved > 1000, `the demo's people moved (${moved})`);
      const totals = (await page.getByTestId('move-totals').textContent()) ?? '';
      await page.reload();
      await page.getByTestId('move-status').filter({ hasText: 'Đã xong' }).waitFor();
      assert.equal(
        await page.getByTestId('move-totals').textContent(),
        totals,
        'the same progress after a reload',
      );
      // Run again: nothing is moved twice.
      await page.getByRole('button', { name: 'Chạy lại (không chuyển trùng)' }).click();
      await page
        .getByTestId('move-totals')
        .filter({ hasText: 'Tổng: 0 đã chuyển, 0 chờ chọn xã mới.' })
        .waitFor({
          timeout: 60_000,
        });
    });
    await context.close();
  });

  it('chooses the new commune for every record of a split commune from the review list', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'units-2025-review', async () => {
      await signInStaff(page, admin);
      await openFromMenu(page, 'Chọn xã mới (sau chuyển đổi)');
      const group = page.getByTestId('review-group').filter({ hasText: 'xã cũ bị chia' }).first();
      await group.waitFor();
      // Two old communes can share a name (Phường 15 of two districts); the old path is unique.
      const oldPath =
        /mã cũ (\S+)/.exec((await group.locator('.hint').first().textContent()) ?? '')?.[1] ?? '';
      assert.ok(oldPath.length > 0);
      const radio = group.getByRole('radio').first();
      const label = ((await radio.locator('xpath=..').textContent()) ?? '').trim();
      await radio.check();
      const apply = group.getByRole('button', { name: /Áp dụng cho \d+ hồ sơ đã chọn/ });
      const count = Number(/(\d+)/.exec((await apply.textContent()) ?? '')?.[1]);
      await apply.click();
      await page
        .getByRole('status')
        .filter({ hasText: `Đã chuyển ${count} hồ sơ sang` })
        .waitFor();
      assert.ok(label.length > 0);
      // The old commune's group is gone from the open list.
      await page
        .getByTestId('review-group')
        .filter({ hasText: `mã cũ ${oldPath} ` })
        .waitFor({ state: 'detached' });
    });
    await context.close();
  });
});
