import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, randomPhone, signInCitizenUi } from './support/checkin';

const street = `Số ${10 + Math.floor(Math.random() * 80)} ngõ Hoà Bình`;

/** Issue #7 §4: a citizen edits their own record from "my record" on a phone (360 px). */
describe('citizen: edits their own record (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const phone = randomPhone();

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    await citizenWithRecord(server, phone, 'Đỗ Thị Ngọc Ánh');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('changes the street, saves, and still sees it after a reload', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-self-edit', async () => {
      await signInCitizenUi(page, server, phone);
      await page.getByTestId('person-fields').first().waitFor();
      await page.getByRole('button', { name: 'Sửa hồ sơ của tôi' }).click();
      const streetField = page.getByLabel('Địa chỉ (số nhà, đường, thôn)');
      await streetField.fill(street);
      assert.equal(await page.getByLabel('Số CCCD').count(), 0, 'identity numbers are not offered');
      await page.getByRole('button', { name: 'Lưu', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu thay đổi.' }).waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 360, `the page is ${width} px wide`);

      await page.reload();
      const fields = page.getByTestId('person-fields').first();
      await fields.waitFor();
      assert.match((await fields.textContent()) ?? '', new RegExp(street));
    });
    await context.close();
  });
});
