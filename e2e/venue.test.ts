import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { ApiSession } from './support/api';
import { otpFor, randomPhone, signInCitizenUi, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

// A name no demo point has, so lists and figures show exactly the point this test made.
const shopName = `Tạp hóa Bà Tư ${Math.floor(Math.random() * 9000) + 1000}`;

describe('venue owner registers a shop; the commune approves it (or rejects another), then suspends it (360 px)', () => {
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

  const ownerPhone = randomPhone();

  it('a citizen registers a shop: it waits for the commune, with no QR yet', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'venue-register', async () => {
      await signInCitizenUi(page, server, ownerPhone);
      await openFromMenu(page, 'Điểm kiểm soát của tôi');
      await page.getByText('Bạn chưa có điểm nào.').waitFor();
      await page.getByRole('link', { name: 'Đăng ký điểm mới' }).click();
      await page.getByLabel('Loại điểm').selectOption('shop');
      await page.getByLabel('Tên điểm').fill(shopName);
      await page.getByRole('combobox', { name: 'Xã/phường' }).fill('Phúc Xá');
      await page.getByRole('option').filter({ hasText: 'Ba Đình' }).getByRole('button').click();
      await page.getByLabel('Số nhà, đường').fill('Số 7 Phó Đức Chính');
      await page.getByRole('button', { name: 'Đăng ký điểm' }).click();

      await page.getByRole('heading', { name: shopName }).waitFor();
      assert.equal(await page.getByTestId('venue-status').textContent(), 'Chờ duyệt');
      await page.getByText('Điểm chưa được duyệt hoặc đang tạm dừng: chưa có mã QR.').waitFor();
      assert.equal(await page.getByTestId('venue-qr').count(), 0);
    });
    await context.close();
  });

  it('the commune officer approves it; its owner then sees its QR and downloads the A4 poster', async () => {
    const officer = await newPage(browser, server.url);
    await withScreenshot(officer.page, 'venue-approve', async () => {
      const page = officer.page;
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Điểm kiểm soát');
      await page.getByLabel('Chỉ điểm chưa xem xét').check();
      await page.getByLabel('Tên hoặc biển số').fill(shopName);
      await page.getByRole('link', { name: shopName }).click();
      await page.getByText('Điểm tự đăng ký chờ xã duyệt').waitFor();
      await page.getByRole('button', { name: 'Duyệt' }).click();
      await page.getByTestId('venue-status').filter({ hasText: 'Đang hoạt động' }).waitFor();
    });
    await officer.context.close();

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'venue-poster', async () => {
      await signInCitizenUi(page, server, ownerPhone);
      await openFromMenu(page, 'Điểm kiểm soát của tôi');
      await page.getByRole('link', { name: shopName }).click();
      await page.getByTestId('venue-qr').locator('svg').waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải áp phích A4 (PDF)' }).click(),
      ]);
      const pdf = await readFile((await download.path())!);
      assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
      assert.ok(pdf.length > 10_000, `a poster with an embedded font, got ${pdf.length} bytes`);
      assert.equal((pdf.toString('latin1').match(/\/Type \/Page\s/g) ?? []).length, 1);

      await openFromMenu(page, 'Điểm kiểm soát của tôi');
      await page.getByRole('link', { name: shopName }).waitFor();
    });
    await context.close();
  });

  it('the commune officer rejects a made-up point with a reason its owner reads', async () => {
    const owner = new ApiSession(server.url);
    const phone = randomPhone();
    await owner.request('POST', '/api/auth/otp/request', { phone });
    await owner.request('POST', '/api/auth/otp/verify', { phone, code: await otpFor(server, phone) });
    const fake = await owner.request<{ id: string }>('POST', '/api/venues', {
      kind: 'shop',
      name: `Quán Ma ${Math.floor(Math.random() * 9000) + 1000}`,
      communeCode: '00001',
    });
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'venue-reject', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/venues/${fake.id}`);
      await page.getByLabel('Lý do từ chối').fill('Không có cửa hàng ở địa chỉ này');
      await page.getByRole('button', { name: 'Từ chối' }).click();
      await page.getByText('Tạm dừng: Không có cửa hàng ở địa chỉ này').waitFor();
    });
    await context.close();
    const seen = await owner.request<{ status: string; statusReason: string }>(
      'GET',
      `/api/venues/${fake.id}`,
    );
    assert.deepEqual([seen.status, seen.statusReason], ['suspended', 'Không có cửa hàng ở địa chỉ này']);
  });

  it('the commune officer finds it, suspends it, and sees it in the figures of the commune', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'venue-suspend', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Điểm kiểm soát');
      await page.getByLabel('Tên hoặc biển số').fill(shopName);
      await page.getByRole('link', { name: shopName }).click();
      await page.getByRole('heading', { name: shopName }).waitFor();
      await page.getByLabel('Lý do tạm dừng').fill('Không tổ chức quét mã cho khách');
      await page.getByRole('button', { name: 'Tạm dừng' }).click();
      await page.getByText('Tạm dừng: Không tổ chức quét mã cho khách').waitFor();
      assert.equal(await page.getByTestId('venue-status').textContent(), 'Tạm dừng');
      await page.getByText('Điểm chưa được duyệt hoặc đang tạm dừng: chưa có mã QR.').waitFor();

      await openFromMenu(page, 'Số liệu điểm kiểm soát');
      // The venue page has its own figures table with this row: wait for the figures page itself.
      await page.getByRole('heading', { level: 1, name: 'Số liệu điểm kiểm soát' }).waitFor();
      const row = page.getByTestId('figures-table').getByRole('row').filter({ hasText: shopName });
      await row.waitFor();
      // Cells after the name: registered points, check-ins, declarations.
      assert.deepEqual(await row.getByRole('cell').allTextContents(), ['1', '0', '0']);
    });
    await context.close();
  });
});
