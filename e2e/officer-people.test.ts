import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type DemoAccount, type TestServer } from './support/server';
import { launchBrowser, newPage, waitForCount, withScreenshot } from './support/browser';
import { apiAs, totpNow } from './support/api';
import { openFromMenu } from './support/nav';

interface Created {
  id: string;
  fullName: string;
}

/** Fills the staff tab of the sign-in page and waits for the home page. */
async function signInStaff(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập').fill(account.login);
  await page.getByLabel('Mật khẩu').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  if (account.totpSecret) {
    // Administrators: the page then asks for the authenticator app's code.
    await page.getByLabel('Mã xác thực hai lớp').fill(totpNow(account.totpSecret));
    await page.getByLabel('Mã xác thực hai lớp').press('Enter');
  }
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

// A suffix no demo person has, so the search finds exactly the records this test created.
const tag = ['Quỳnh', 'Diệp', 'Thư', 'Ánh'][Math.floor(Math.random() * 4)] ?? 'Quỳnh';
const outsidePhone = `09${String(Math.floor(10_000_000 + Math.random() * 89_999_999))}`;

describe('commune officer: search, masked record, break the glass; admin: audit (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let inside: Created;
  let outside: Created;
  const reason = `Điều tra ca bệnh F0 số ${Math.floor(Math.random() * 9000) + 1000}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Set-up through the API: one person in Phúc Xá (the officer's commune), one in Thủ Đức (outside).
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    inside = await officer.request<Created>('POST', '/api/people', {
      fullName: `Nguyễn Thị Hằng ${tag}`,
      birthYear: 1990,
      sex: 'female',
      communeCode: '00001',
    });
    const admin = await apiAs(server, 'national_admin');
    outside = await admin.request<Created>('POST', '/api/people', {
      fullName: `Trần Văn Đức ${tag}`,
      birthYear: 1985,
      sex: 'male',
      communeCode: '26800',
      phones: [outsidePhone],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('(b) finds a person by name typed without diacritics', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-search', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Tra cứu người dân');
      await page
        .getByLabel('Họ và tên')
        .fill(`nguyen thi hang ${tag.normalize('NFD').replace(/\p{M}/gu, '')}`);
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const row = page
        .getByTestId('person-result')
        .filter({ has: page.locator(`a[href="/people/${inside.id}"]`) });
      await row.waitFor();
      assert.match((await row.textContent()) ?? '', new RegExp(`Nguyễn Thị Hằng ${tag}`));
      assert.doesNotMatch((await row.textContent()) ?? '', /Ngoài địa bàn/);
    });
    await context.close();
  });

  it('(c) opens a record outside the jurisdiction masked, breaks the glass with a reason, sees it all', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-break-glass', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto('/people');
      // Outside the jurisdiction only an exact identity number or phone finds a record (masked).
      await page.getByLabel('Số điện thoại').fill(outsidePhone);
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const link = page.locator(`a[href="/people/${outside.id}"]`);
      const row = page.getByTestId('person-result').filter({ has: link });
      await row.waitFor();
      const rowText = (await row.textContent()) ?? '';
      assert.match(rowText, /Ngoài địa bàn/);
      assert.doesNotMatch(rowText, /Trần Văn Đức/, 'the name is masked outside the jurisdiction');

      await link.click();
      await page.getByText('Hồ sơ này ngoài địa bàn của bạn').waitFor();
      assert.doesNotMatch((await page.getByTestId('person-fields').textContent()) ?? '', /Trần Văn Đức/);
      await page.getByRole('button', { name: 'Mở hồ sơ (phá kính)' }).click();
      // Too short a reason is refused on the page before anything is sent.
      await page.getByLabel('Lý do truy cập').fill('vì cần');
      await page.getByRole('button', { name: 'Xác nhận mở hồ sơ' }).click();
      await page.getByText('Lý do cần ít nhất 10 ký tự.').waitFor();
      await page.getByLabel('Lý do truy cập').fill(reason);
      await page.getByRole('button', { name: 'Xác nhận mở hồ sơ' }).click();
      await page.getByText('Lượt truy cập này đã được ghi vào nhật ký').waitFor();
      const fields = (await page.getByTestId('person-fields').textContent()) ?? '';
      assert.match(fields, new RegExp(`Trần Văn Đức ${tag}`));
      assert.match(fields, /Linh Trung/);
    });
    await context.close();
  });

  it("(d) the national admin finds the break-glass entry by the person's name, in words, in the audit viewer", async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'admin-audit', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Nhật ký truy cập');
      // The name as typed on a phone, without diacritics; no record id to copy.
      await page
        .getByLabel('Họ tên người dân')
        .fill(`tran van duc ${tag.normalize('NFD').replace(/\p{M}/gu, '')}`);
      await page.getByLabel('Chỉ các lượt phá kính').check();
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const row = page.getByTestId('audit-row').filter({ hasText: reason });
      await row.waitFor();
      const text = (await row.textContent()) ?? '';
      assert.match(text, /Phá kính/);
      assert.match(text, /Mở hồ sơ ngoài địa bàn \(phá kính\)/, 'the action in words');
      assert.match(text, /Cán bộ y tế xã · Phường Phúc Xá/, 'role and unit in words');
      assert.doesNotMatch(
        text,
        /person\.breakGlass|commune_officer|00001|[0-9a-f]{8}-/,
        'no codes or raw ids',
      );
      // Only the filtered answer counts: the page first lists the whole log, which has this row too.
      await waitForCount(page.getByTestId('audit-row'), 1);

      // By the acting account's name: the officer's entries only.
      await page.getByLabel('Họ tên người dân').fill('');
      await page.getByLabel('Chỉ các lượt phá kính').uncheck();
      await page.getByLabel('Tên tài khoản thực hiện').fill('xa.phucxa');
      await page.getByLabel('Thao tác').selectOption({ label: 'Mở hồ sơ ngoài địa bàn (phá kính)' });
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await waitForCount(page.getByTestId('audit-row'), 1);
      await page.getByTestId('audit-row').filter({ hasText: reason }).waitFor();

      await page.getByRole('button', { name: 'Kiểm tra chuỗi nhật ký' }).click();
      await page.getByText('Chuỗi nhật ký toàn vẹn').waitFor();

      // In English the same entry reads in English.
      await page.getByRole('button', { name: /English/ }).click();
      await page.getByTestId('audit-row').filter({ hasText: 'Opened a record outside the area' }).waitFor();
    });
    await context.close();
  });
});
