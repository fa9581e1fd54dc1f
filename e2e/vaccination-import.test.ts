import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { ApiSession } from './support/api';
import { fitsWidth, launchBrowser, MOBILE, newPage, waitForCount, withScreenshot } from './support/browser';
import { openFromMenu } from './support/nav';

async function signInOfficer(page: Page, server: TestServer): Promise<void> {
  const account = server.demoAccount('commune_officer', 'Phúc Xá');
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập').fill(account.login);
  await page.getByLabel('Mật khẩu').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

/** Chooses the file, checks its columns, and imports it, as the page asks. */
async function importFile(page: Page, file: string): Promise<void> {
  await page.getByLabel('Tệp danh sách (.xlsx, .csv)').setInputFiles(file);
  await page.getByRole('button', { name: 'Kiểm tra cột' }).click();
  await page.getByTestId('import-mapping').waitFor();
  await page.getByRole('button', { name: 'Lưu cột và nhập' }).click();
  await page.getByTestId('import-status').filter({ hasText: 'Đã nhập xong' }).waitFor();
}

describe('vaccination import: an officer imports a dirty list and fixes the flagged rows (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: ApiSession;
  const phone = `09${String(Date.now()).slice(-8)}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // Two people who share a phone and a birth year (twins on a parent's phone): a row naming that
    // phone cannot be told apart by the file alone.
    const a = server.demoAccount('commune_officer', 'Phúc Xá');
    officer = new ApiSession(server.url);
    await officer.login(a.login, a.secret);
    for (const fullName of ['Hoàng Văn Sinh Đôi', 'Hoàng Văn Song Sinh'])
      await officer.request('POST', '/api/people', {
        fullName,
        birthYear: 2001,
        sex: 'male',
        communeCode: '00001',
        phones: [phone],
      });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the flagged rows are listed and downloadable; the fixed file adds only them; the ambiguous row is chosen side by side', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-import', async () => {
      await signInOfficer(page, server);
      await openFromMenu(page, 'Nhập danh sách tiêm');
      await page.getByRole('heading', { name: 'Nhập danh sách người đã tiêm' }).waitFor();

      const dir = mkdtempSync(path.join(tmpdir(), 'pd-vacc-import-'));
      const file = path.join(dir, 'danh-sach-tiem.csv');
      writeFileSync(
        file,
        [
          '\uFEFFTRẠM Y TẾ PHƯỜNG PHÚC XÁ;;;;',
          'DANH SÁCH TIÊM CHỦNG COVID-19 ĐỢT 3;;;;',
          'STT;HỌ VÀ TÊN;NĂM SINH;SĐT;LOẠI VẮC XIN;NGÀY TIÊM',
          '1;NGUYỄN THỊ NHẬP MỘT;1958;;Astra;05/08/2021',
          '2;trần văn nhập hai;1962;;Pfizer;08/25/2021',
          '3;Lê Thị Nhập Ba;1970;;Vắc xin lạ;06/08/2021',
          `4;Hoàng Văn Sinh Đôi;2001;${phone.replace(/(\d{4})(\d{3})/, '$1.$2.')};Moderna;07/08/2021`,
        ].join('\r\n'),
      );
      await importFile(page, file);
      assert.match(
        (await page.getByTestId('import-summary').textContent()) ?? '',
        /1 mũi mới · 1 người mới · 0 dòng đã có · 2 dòng lỗi · 1 dòng cần chọn người/,
      );
      const errors = page.getByTestId('import-error');
      await waitForCount(errors, 2);
      assert.match(
        (await errors.nth(0).textContent()) ?? '',
        /^5Ngày tiêmNgày tiêm: ngày có thể hiểu hai cách/,
      );
      assert.match((await errors.nth(1).textContent()) ?? '', /^6Tên vắc xinKhông nhận ra tên vắc xin/);
      assert.ok(await fitsWidth(page.locator('main'), MOBILE.width), 'the page fits a 360 px phone');

      // As the page says: download the error file, fix the noted rows, upload it again.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải tệp lỗi' }).click(),
      ]);
      const errorFile = path.join(dir, 'loi.csv');
      await download.saveAs(errorFile);
      const flagged = readFileSync(errorFile, 'utf8');
      assert.match(flagged, /Lỗi \/ Error/);
      writeFileSync(
        errorFile,
        flagged.replace('08/25/2021', '25/08/2021').replace('Vắc xin lạ', 'Vero cell'),
      );
      await importFile(page, errorFile);
      assert.match(
        (await page.getByTestId('import-summary').textContent()) ?? '',
        /2 mũi mới · 2 người mới · 1 dòng đã có · 0 dòng lỗi · 1 dòng cần chọn người/,
      );
      const review = page.getByTestId('review-row');
      await review.waitFor();
      assert.equal(await page.getByTestId('import-error').count(), 0);
      await waitForCount(review.getByTestId('review-candidate'), 2);
      assert.match((await review.getByTestId('review-file').textContent()) ?? '', /Hoàng Văn Sinh Đôi/);
      const mine = review.getByTestId('review-candidate').filter({ hasText: 'Hoàng Văn Sinh Đôi' });
      await mine.getByRole('button', { name: 'Chọn người này' }).click();
      await page.getByText('Đã xử lý dòng 7.').waitFor();
      await page.getByText('Không còn dòng nào cần xử lý.').waitFor();
    });
    await context.close();
  });
  it('the officer invites a priority group (the number due first), sees the counts change, uploads a list with a bad row and reads it in the downloaded error sheet', async () => {
    // Two people of 65+ in Phúc Xá and one with a chronic disease, placed in their groups by the officer.
    const base = Date.now();
    const phoneOf = (i: number) => `091${String(base + i).slice(-7)}`;
    const person = async (fullName: string, birthYear: number, phones: string[], group: string) => {
      const p = await officer.request<{ id: string }>('POST', '/api/people', {
        fullName,
        birthYear,
        sex: 'female',
        communeCode: '00001',
        phones,
      });
      await officer.request('PUT', `/api/vaccination/people/${p.id}/priority-group`, { group });
    };
    await person('Vũ Thị Mời Một', 1948, [phoneOf(1)], 'older_65');
    await person('Vũ Văn Mời Hai', 1950, [phoneOf(2)], 'older_65');
    const listed = phoneOf(3);
    await person('Vũ Thị Trong Danh Sách', 1975, [listed], 'general');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-invite', async () => {
      await signInOfficer(page, server);
      await openFromMenu(page, 'Mời tiêm chủng');
      await page.getByRole('heading', { name: 'Mời tiêm chủng' }).waitFor();
      const invited = page.getByTestId('invite-count-invited');
      await invited.filter({ hasText: /^Đã mời0$/ }).waitFor();

      await page
        .getByLabel('Nhóm ưu tiên', { exact: true })
        .selectOption({ label: 'Người từ 65 tuổi trở lên' });
      await page.getByLabel('Độ tuổi').selectOption({ label: 'Từ 65 tuổi' });
      await page.getByRole('button', { name: 'Xem số người đến hạn' }).click();
      await page.getByTestId('invite-due').filter({ hasText: '2 người đến hạn chưa được mời.' }).waitFor();
      await page.getByRole('button', { name: 'Gửi lời mời cho 2 người' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Đã mời 2 người: 2 tin nhắn đã gửi, 0 người không có số điện thoại.' })
        .waitFor();
      await invited.filter({ hasText: /^Đã mời2$/ }).waitFor();
      await page
        .getByTestId('invite-count-sent')
        .filter({ hasText: /^Đã gửi tin2$/ })
        .waitFor();
      // Asked again, nobody is left to invite: nobody gets a second SMS.
      await page.getByRole('button', { name: 'Xem số người đến hạn' }).click();
      await page.getByTestId('invite-due').filter({ hasText: 'Không có ai đến hạn' }).waitFor();

      const dir = mkdtempSync(path.join(tmpdir(), 'pd-vacc-invite-'));
      const file = path.join(dir, 'danh-sach-moi.csv');
      writeFileSync(
        file,
        [
          'Họ và tên;Năm sinh;SĐT;Nhóm ưu tiên',
          `Vũ Thị Trong Danh Sách;1975;${listed};Người mắc bệnh nền`,
          `Không Có Trong Sổ;1961;${phoneOf(4)};Người mắc bệnh nền`,
        ].join('\r\n'),
      );
      await page.getByLabel('Tệp danh sách mời (.xlsx, .csv)').setInputFiles(file);
      await page.getByRole('button', { name: 'Kiểm tra cột' }).click();
      await page.getByTestId('invite-mapping').waitFor();
      await page.getByRole('button', { name: 'Lưu cột và gửi lời mời' }).click();
      await page
        .getByTestId('invite-list-result')
        .filter({ hasText: '2 dòng · 1 người khớp · 1 lời mời mới (1 tin nhắn) · 1 dòng bị từ chối' })
        .waitFor();
      await invited.filter({ hasText: /^Đã mời3$/ }).waitFor();
      const errors = page.getByTestId('invite-error');
      await waitForCount(errors, 1);
      assert.equal(await errors.textContent(), '3PERSON_NOT_FOUNDKhông tìm thấy người này trong sổ dân');
      assert.ok(await fitsWidth(page.locator('main'), MOBILE.width), 'the page fits a 360 px phone');

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: 'Tải các dòng lỗi' }).click(),
      ]);
      const sheetFile = path.join(dir, 'loi.csv');
      await download.saveAs(sheetFile);
      const lines = readFileSync(sheetFile, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      assert.deepEqual(lines, [
        'Họ và tên,Năm sinh,SĐT,Nhóm ưu tiên,Mã lỗi / Code,Lỗi,Error',
        `Không Có Trong Sổ,1961,${phoneOf(4)},Người mắc bệnh nền,PERSON_NOT_FOUND,Không tìm thấy người này trong sổ dân,Nobody in the registry matches`,
      ]);
    });
    await context.close();
  });
});
