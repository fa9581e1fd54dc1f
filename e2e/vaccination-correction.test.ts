// Issue #12 §5 at 360 px: a citizen reports a missing dose with a photo of the card; the commune
// officer accepts it on the review page; the citizen then sees the dose and the certificate.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, randomPhone, signInCitizenUi, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

// The first bytes of a PNG (signature and IHDR): what the server's sniffer checks.
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

describe('vaccination correction (360 px)', () => {
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

  it('a citizen reports a missing dose and sees the certificate after the officer accepts it', async () => {
    const phone = randomPhone();
    const name = `Đỗ Thị Bổ Sung ${Math.floor(Math.random() * 1000)}`;
    await citizenWithRecord(server, phone, name);

    const citizen = await newPage(browser, server.url);
    await withScreenshot(citizen.page, 'correction-report', async () => {
      const page = citizen.page;
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Tiêm chủng');
      const card = page.getByTestId('vaccination-person');
      await card.getByText('Chưa có mũi tiêm nào.').waitFor();
      assert.equal(await page.getByTestId('vaccination-certificate').count(), 0);
      await page.getByRole('button', { name: 'Báo thiếu hoặc sai mũi tiêm' }).click();
      await page.getByRole('heading', { name: 'Đã tiêm nhưng chưa có trên hệ thống?' }).waitFor();
      // The products come from the catalogue in force: wait for them, then take the first.
      await page.getByLabel('Vắc xin').locator('option').first().waitFor({ state: 'attached' });
      await page.getByLabel('Vắc xin').selectOption({ index: 0 });
      await page.getByLabel('Ngày tiêm').fill('2021-08-15');
      await page.getByLabel('Nơi tiêm').fill('Trạm Y tế phường Phúc Xá');
      await page.getByLabel(/Ảnh hoặc PDF/).setInputFiles({
        name: 'phieu-tiem.png',
        mimeType: 'image/png',
        buffer: PNG,
      });
      await page.getByRole('button', { name: 'Gửi yêu cầu' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã gửi yêu cầu' }).waitFor();
      await page.getByTestId('correction-requests').getByText('Đang chờ xét').waitFor();
    });

    const officer = await newPage(browser, server.url);
    await withScreenshot(officer.page, 'correction-review', async () => {
      const page = officer.page;
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Xét điều chỉnh mũi tiêm');
      const item = page.getByTestId('correction-list').getByRole('listitem').filter({ hasText: name });
      await item.getByRole('button', { name: 'Xem xét' }).click();
      const review = page.getByTestId('correction-review');
      await review.getByRole('heading', { name }).waitFor();
      await review.getByText('Chưa có mũi tiêm nào trong hồ sơ.').waitFor();
      await review.getByRole('link', { name: /Xem minh chứng/ }).waitFor();
      await review.getByRole('button', { name: 'Chấp nhận và ghi mũi tiêm' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã chấp nhận' }).waitFor();
    });

    await withScreenshot(citizen.page, 'correction-certificate', async () => {
      const page = citizen.page;
      await page.reload();
      await page.getByTestId('vaccination-certificate').waitFor();
      await page
        .getByTestId('vaccination-person')
        .getByText(/Mũi 1: 15\/0?8\/2021/)
        .waitFor();
      await page.getByTestId('correction-requests').getByText('Đã chấp nhận').waitFor();
      await page.getByTestId('vaccination-certificate').getByRole('img').waitFor();
    });
    await citizen.context.close();
    await officer.context.close();
  });
});
