import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { citizenWithRecord, randomPhone, signInCitizenUi, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

/** A CCCD agreeing with a 1960s female birth in Hà Nội: 001 + century/sex 1 + year + 6-digit serial. */
const cccd = (year: number) =>
  `0011${String(year % 100)}${String(Math.floor(100_000 + Math.random() * 899_999))}`;

describe('vaccination pages (360 px)', () => {
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

  it('a citizen books a slot for a parent and gets the SMS', async () => {
    const phone = randomPhone();
    const { session } = await citizenWithRecord(server, phone, 'Trần Thị Con');
    await session.request('POST', '/api/me/family', {
      fullName: 'Trần Văn Bố',
      birthYear: 1950,
      sex: 'male',
      communeCode: '00001',
      relation: 'bố',
    });
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-book', async () => {
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Tiêm chủng');
      await page.getByRole('heading', { name: 'Đặt lịch tiêm' }).waitFor();
      await page.getByLabel('Đặt cho').selectOption({ label: 'Trần Văn Bố' });
      await page.getByRole('button', { name: 'Đặt lịch' }).first().click();
      await page.getByRole('status').filter({ hasText: 'Đã đặt lịch cho Trần Văn Bố' }).waitFor();
      await page.getByTestId('my-bookings').filter({ hasText: 'Trần Văn Bố' }).waitFor();
    });
    const inbox = (await (await fetch(`${server.url}/api/dev/inbox?limit=100`)).json()) as {
      items: { to: string; body: string }[];
    };
    const sms = inbox.items.find((m) => m.to.endsWith(phone.slice(-4)) && m.body.includes('Lich tiem'));
    assert.ok(sms, 'a booking SMS in the inbox');
    assert.ok(sms.body.length <= 160 && /^[\x20-\x7e]+$/.test(sms.body), sms.body);
    assert.match(sms.body, /cho nguoi than/);
    await context.close();
  });

  it('the vaccinator screens and records a dose offline; it syncs once', async () => {
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const id = cccd(1962);
    const person = await officer.request<{ id: string }>('POST', '/api/people', {
      fullName: 'Hoàng Thị Tiêm',
      birthYear: 1962,
      sex: 'female',
      communeCode: '00001',
      cccd: id,
    });
    const vaccinator = await apiAs(server, 'vaccinator');
    const [site] = await vaccinator.request<{ id: string }[]>('GET', '/api/vaccination/sites');
    const dosesOnServer = async () =>
      (
        await vaccinator.request<{ doses: unknown[] }>(
          'GET',
          `/api/vaccination/sites/${site!.id}/people/${person.id}`,
        )
      ).doses.length;

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-offline', async () => {
      await signInStaff(page, server.demoAccount('vaccinator'));
      await openFromMenu(page, 'Điểm tiêm');
      await page.getByRole('heading', { name: /Điểm tiêm: Trạm Y tế phường Phúc Xá/ }).waitFor();
      await page.getByLabel(/Quét mã hoặc nhập số CCCD/).fill(id);
      await page.getByLabel(/Quét mã hoặc nhập số CCCD/).press('Enter');
      await page
        .getByTestId('vaccination-person')
        .getByRole('heading', { name: /Hoàng Thị Tiêm/ })
        .waitFor();

      // The network drops while the person is at the table.
      await context.setOffline(true);
      await page.getByLabel('Kết luận').selectOption({ label: 'Đủ điều kiện tiêm ngay' });
      await page.getByRole('button', { name: 'Tiêm và ghi nhận' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã ghi nhận mũi tiêm' }).waitFor();
      await page.getByTestId('sync-status').filter({ hasText: 'Chờ đồng bộ: 1' }).waitFor();
      assert.equal(await dosesOnServer(), 0, 'nothing reached the server while offline');

      await context.setOffline(false);
      await page.getByTestId('sync-status').filter({ hasText: 'Đã đồng bộ hết.' }).waitFor();
      assert.equal(await dosesOnServer(), 1);
      await page.reload();
      await page.getByTestId('sync-status').filter({ hasText: 'Đã đồng bộ hết.' }).waitFor();
      assert.equal(await dosesOnServer(), 1, 'a reload sends nothing twice');
    });
    await context.close();
  });
});
