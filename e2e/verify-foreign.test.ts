// Issue #12 §6 at 360 px: the national administrator loads another country's signer through a trust-list
// file; a verifier then checks that country's certificate (valid, its country shown) and one from an
// issuer no list names (refused with its reason).
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { foreignSigner, foreignVaccination } from '../apps/server/src/modules/keys/keys.fixtures';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

/** Another country's signer (its CSCA and DSC, for vaccination only) and a certificate it issued. */
async function foreignIssuer(country: string) {
  const signer = await foreignSigner(country, ['v']);
  const hc1 = await signer.sign({
    ...foreignVaccination(country, `URN:UVCI:01:${country}:E2E${Math.floor(Math.random() * 1e9)}#K`),
    nam: { fn: 'Schmidt', fnt: 'SCHMIDT', gn: 'Lena', gnt: 'LENA' },
    dob: '1985-03-09',
  });
  return { hc1, list: signer.euJson() };
}

async function check(page: Page, hc1: string) {
  await page.getByLabel('Mã chứng nhận (HC1:…)').fill(hc1);
  await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
}

describe('verifier and foreign issuers (360 px)', () => {
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

  it('a certificate from an issuer loaded through a trust list verifies; one from an untrusted issuer is rejected with its reason', async () => {
    const germany = await foreignIssuer('DE');
    const stranger = await foreignIssuer('XK');

    const admin = await newPage(browser, server.url);
    await withScreenshot(admin.page, 'trust-list-import', async () => {
      const page = admin.page;
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Danh sách tin cậy DCC');
      await page.getByLabel(/Nguồn/).fill('Cổng EU (bản thử)');
      await page.getByLabel('Tệp danh sách').setInputFiles({
        name: 'dsc-list.json',
        mimeType: 'application/json',
        buffer: Buffer.from(germany.list),
      });
      await page.getByRole('button', { name: 'Nhập', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Đã nhập 1 đơn vị ký' }).waitFor();
      await page.getByTestId('trust-list').getByText('Cổng EU (bản thử)').waitFor();
    });
    await admin.context.close();

    const verifier = await newPage(browser, server.url);
    await withScreenshot(verifier.page, 'verify-foreign', async () => {
      const page = verifier.page;
      await signInStaff(page, server.demoAccount('verifier'));
      await openFromMenu(page, 'Kiểm tra chứng nhận');
      await check(page, germany.hc1);
      const answer = page.getByTestId('verify-answer');
      await answer.getByText('HỢP LỆ', { exact: true }).waitFor();
      await answer.getByText('Schmidt Lena').waitFor();
      await page
        .getByTestId('verify-country')
        .getByText(/DE — Đơn vị ký nước ngoài/)
        .waitFor();

      await check(page, stranger.hc1);
      await answer.getByText('KHÔNG HỢP LỆ').waitFor();
      await answer.getByText(/Không rõ khóa ký của đơn vị cấp/).waitFor();
      await answer.getByText('(UNKNOWN_KEY)').waitFor();
    });
    await verifier.context.close();
  });
});
