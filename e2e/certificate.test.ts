import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { zlibSync } from 'fflate';
import { base45Decode, base45Encode, inflateStage } from '@phongdich/dcc';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { createPeople, labWorld, receivedTubes, release } from './support/lab-tubes';
import { openFromMenu } from './support/nav';

/** Re-encodes the certificate with one letter of the transliterated name changed (QUYEN → QUYEM). */
function alter(hc1: string): string {
  const cose = Buffer.from(inflateStage(base45Decode(hc1.slice(4))));
  const at = cose.indexOf(Buffer.from('QUYEN'));
  assert.ok(at > 0, 'name found in the signed payload');
  cose[at + 4] = 'M'.charCodeAt(0);
  return 'HC1:' + base45Encode(zlibSync(cose));
}

describe('certificates: a citizen opens theirs, a verifier rejects an altered one (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const last8 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  const phone = `09${last8}`;
  let hc1 = '';

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const w = await labWorld(server);
    const [personId] = await createPeople(w, [
      { fullName: 'Ngô Thị Quyên', birthYear: 1988, phones: [phone] },
    ]);
    const [tube] = await receivedTubes(w, [[personId!]]);
    await release(w, [[tube!, 'negative']]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the citizen signs in, sees the negative result and opens the certificate (QR + PDF)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'certificate-citizen', async () => {
      await page.goto('/sign-in');
      await page.getByRole('tab', { name: 'Người dân' }).click();
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
      await page.getByLabel('Mã xác thực').waitFor();
      const inbox = await context.newPage();
      await inbox.goto('/dev/inbox');
      const message = inbox
        .getByTestId('inbox-message')
        .filter({ hasText: `*${last8.slice(-4)}` })
        .filter({ hasText: /\b\d{6}\b/ })
        .first();
      const code = /\b(\d{6})\b/.exec((await message.locator('.message-body').textContent()) ?? '')?.[1];
      assert.ok(code);
      await inbox.close();
      await page.getByLabel('Mã xác thực').fill(code);
      await page.getByRole('button', { name: 'Xác nhận' }).click();
      await page.waitForURL('**/me');

      await openFromMenu(page, 'Kết quả xét nghiệm');
      const result = page.getByTestId('my-result').first();
      await result.waitFor();
      assert.match((await result.textContent()) ?? '', /Âm tính/);
      await result.getByRole('button', { name: 'Mở chứng nhận' }).click();
      const cert = page.getByTestId('certificate');
      await cert.getByRole('img', { name: 'Mã QR chứng nhận' }).waitFor();
      assert.match((await cert.getByTestId('uvci').textContent()) ?? '', /^URN:UVCI:01:VN:/);
      hc1 = await cert.getByTestId('hc1').inputValue();
      assert.match(hc1, /^HC1:/);
      const href = await cert.getByRole('link', { name: 'Tải bản PDF' }).getAttribute('href');
      const pdf = await context.request.get(href!);
      assert.equal(pdf.status(), 200);
      assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
    });
    await context.close();
  });

  it('a verifier sees the genuine certificate as valid and an altered one as a bad signature', async () => {
    assert.ok(hc1, 'the first test read the certificate');
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'certificate-verifier', async () => {
      await page.goto('/verify');
      await page.getByLabel('Mã chứng nhận (HC1:…)').fill(hc1);
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      const answer = page.getByTestId('verify-answer');
      // "KHÔNG HỢP LỆ" contains "HỢP LỆ": wait for an answer that begins with it. The offline answer
      // comes first, then the server's; either must say valid.
      await answer.filter({ hasText: /^HỢP LỆ/ }).waitFor();
      assert.match((await answer.textContent()) ?? '', /Ngô Thị Quyên/);
      // With no network the phone's own check decides, under the page's Content-Security-Policy.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await answer.filter({ hasText: /^HỢP LỆ.*ngoại tuyến/ }).waitFor();
      await context.setOffline(false);

      // Change one letter of the signed name inside the certificate: the signature no longer matches.
      await page.getByLabel('Mã chứng nhận (HC1:…)').fill(alter(hc1));
      await page.getByRole('button', { name: 'Kiểm tra' }).click();
      await answer.filter({ hasText: 'KHÔNG HỢP LỆ' }).waitFor();
      assert.match((await answer.textContent()) ?? '', /Chữ ký không hợp lệ/);
      assert.match((await answer.textContent()) ?? '', /BAD_SIGNATURE/);
    });
    await context.close();
  });
});
