import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { checkinsAt, managerWithVenue, signInStaff } from './support/checkin';

/** A CCCD agreeing with a 1979 male birth (province 01), random serial so no demo person has it. */
const cccd = `001079${String(Math.floor(100_000 + Math.random() * 899_999))}`;
const cardQr = `${cccd}||Lương Văn Chíp|12081979|Nam|Số 3 Hàng Bài, Hoàn Kiếm, Hà Nội|15032021`;

describe('venue staff scanner: chip CCCD card of an unregistered person (360 px)', () => {
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

  it('registers the person from the card and checks them in', async () => {
    const { account, venueId } = await managerWithVenue(server, 'Quán Phở Chíp');
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const before = await officer.request<{ items: unknown[] }>('POST', '/api/people/search', {
      idNumber: cccd,
    });
    assert.equal(before.items.length, 0, 'the person is not registered yet');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-cccd', async () => {
      await signInStaff(page, account);
      await page.goto('/scan');
      await page.locator(`select[name="venue"] option[value="${venueId}"]`).waitFor({ state: 'attached' });
      await page.locator('select[name="venue"]').selectOption(venueId);
      await page.getByLabel('Mã quét được').fill(cardQr);
      await page.getByLabel('Mã quét được').press('Enter');
      const band = page.getByTestId('person-band');
      await band.waitFor();
      assert.equal(await band.getAttribute('data-colour'), 'green');
      await page.getByText('Đã thêm người mới vào sổ dân cư.').waitFor();
      await page.getByText(/Đã ghi lượt vào lúc/).waitFor();
    });
    await context.close();

    const found = await officer.request<{ items: { id: string; fullName: string }[] }>(
      'POST',
      '/api/people/search',
      {
        idNumber: cccd,
      },
    );
    assert.equal(found.items.length, 1);
    assert.equal(found.items[0]!.fullName, 'Lương Văn Chíp');
    const visits = await checkinsAt(officer, venueId);
    assert.deepEqual(
      visits.map((v) => [v.personId, v.method]),
      [[found.items[0]!.id, 'cccd']],
    );
  });
});
