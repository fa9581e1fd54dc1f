import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { fitsWidth, launchBrowser, newPage, waitForCount, withScreenshot } from './support/browser';
import { otpFor, randomPhone, signInStaff } from './support/checkin';
import { ApiSession, apiAs } from './support/api';
import { openFromMenu } from './support/nav';

const serial = () => String(Math.floor(100_000 + Math.random() * 899_999));
/** A CCCD of a man born in 1991 in Hà Nội (province 01, century digit 0). */
const cccd = () => `001091${serial()}`;

/** A citizen signs in and registers themselves with `number`, which another record already holds. */
async function citizenClaiming(server: TestServer, phone: string, fullName: string, number: string) {
  const s = new ApiSession(server.url);
  await s.request('POST', '/api/auth/otp/request', { phone });
  await s.request('POST', '/api/auth/otp/verify', { phone, code: await otpFor(server, phone) });
  const own = await s.request<{ id: string; cccd: string | null }>('POST', '/api/me/person', {
    fullName,
    birthDate: '1991-05-05',
    sex: 'male',
    cccd: number,
    communeCode: '00001',
  });
  assert.equal(own.cccd, number, 'the citizen is told nothing');
  return { session: s, personId: own.id };
}

describe('commune officer resolves identity claims (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const holderName = `Phan Văn Giữ ${serial()}`;
  const rejectedName = `Phan Văn Khai ${serial()}`;
  const mergedName = `Phan Văn Gộp ${serial()}`;
  const rejectedPhone = randomPhone();
  let holderId: string;
  let merged: { session: ApiSession; personId: string };

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const taken = cccd();
    const holder = await officer.request<{ id: string }>('POST', '/api/people', {
      fullName: holderName,
      birthDate: '1991-05-05',
      sex: 'male',
      cccd: taken,
      communeCode: '00001',
      street: 'Số 3 Hàng Bún',
    });
    holderId = holder.id;
    await citizenClaiming(server, rejectedPhone, rejectedName, taken);
    merged = await citizenClaiming(server, randomPhone(), mergedName, taken);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees both records side by side, rejects one claim with a reason (SMS names nobody) and merges the other', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-identity-claims', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Số giấy tờ chờ xác minh');
      await page.getByRole('heading', { name: 'Số giấy tờ chờ xác minh' }).waitFor();

      // The first claim: the papers do not match; the reason may not name the holder.
      const card = page.getByTestId('identity-claim').filter({ hasText: rejectedName });
      await card.getByRole('button', { name: 'Xem yêu cầu' }).click();
      const claimant = page.getByTestId('claimant');
      const holder = page.getByTestId('holder');
      await claimant.getByText(rejectedName).waitFor();
      await holder.getByText(holderName).waitFor();
      assert.ok(await fitsWidth(claimant, 360), 'the citizen’s record fits the phone');
      assert.ok(await fitsWidth(holder, 360), 'the holder’s record fits the phone');
      const reason = page.getByLabel(/Lý do/);
      await reason.fill(`Số này là của ${holderName}`);
      await page.getByRole('button', { name: 'Từ chối' }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /không được nêu tên/ })
        .waitFor();
      await reason.fill('Ảnh trên căn cước không khớp');
      await page.getByRole('button', { name: 'Từ chối' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã từ chối; người dân sẽ nhận tin nhắn.' }).waitFor();
      await waitForCount(page.getByTestId('identity-claim').filter({ hasText: rejectedName }), 0);

      // The second: the same man; his new record folds into the one holding the number.
      await page
        .getByTestId('identity-claim')
        .filter({ hasText: mergedName })
        .getByRole('button', { name: 'Xem yêu cầu' })
        .click();
      await page.getByTestId('holder').getByText(holderName).waitFor();
      await page.getByRole('button', { name: 'Gộp vào hồ sơ đang giữ số' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã gộp hai hồ sơ.' }).waitFor();
    });
    await context.close();

    const inbox = (await (await fetch(`${server.url}/api/dev/inbox?limit=100`)).json()) as {
      items: { to: string; body: string }[];
    };
    const sms = inbox.items.find((m) => m.to.endsWith(rejectedPhone.slice(-4)) && /xac nhan/.test(m.body));
    assert.ok(sms, 'the citizen is told by SMS');
    assert.match(sms.body, /anh tren can cuoc khong khop/);
    assert.doesNotMatch(sms.body, /Phan Van Giu|Phan Văn Giữ/i);
    const me = await merged.session.request<{ person: { id: string } }>('GET', '/api/me/person');
    assert.equal(me.person.id, holderId, 'the merged citizen’s account now stands for the holder’s record');
  });
});
