import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { checkinsAt, managerWithVenue, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

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

  it('records the visit by the card, adds no one; the commune officer confirms the person', async () => {
    const { account, venueId } = await managerWithVenue(server, 'Quán Phở Chíp');
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const search = () =>
      officer.request<{ items: { id: string; fullName: string }[] }>('POST', '/api/people/search', {
        idNumber: cccd,
      });
    assert.equal((await search()).items.length, 0, 'the person is not registered yet');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-cccd', async () => {
      await signInStaff(page, account);
      await page.goto('/scan');
      await page.locator(`select[name="venue"] option[value="${venueId}"]`).waitFor({ state: 'attached' });
      await page.locator('select[name="venue"]').selectOption(venueId);
      await page.getByLabel('Mã quét được').fill(cardQr);
      await page.getByLabel('Mã quét được').press('Enter');
      const decision = page.getByTestId('scan-decision');
      await decision.getByText('Khách chưa có trong sổ dân cư').waitFor();
      await decision.getByText(/Đã ghi lượt vào lúc/).waitFor();
      assert.equal(await page.getByText('Đã thêm người mới vào sổ dân cư.').count(), 0);
    });
    await context.close();
    assert.equal((await search()).items.length, 0, 'a shop adds no one to the registry');
    const [visit] = await checkinsAt(officer, venueId);
    assert.ok(visit, 'the visit is recorded');

    const review = await newPage(browser, server.url);
    await withScreenshot(review.page, 'checkin-cccd-confirm', async () => {
      const page = review.page;
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Điểm kiểm soát');
      const item = page.getByTestId('pending-identity').filter({ hasText: 'Lương Văn Chíp' });
      await item.getByText('Quét tại Quán Phở Chíp · 1 lượt vào').waitFor();
      await item.getByRole('button', { name: 'Xác nhận là người mới' }).click();
      await page.getByText('Đã thêm Lương Văn Chíp vào sổ dân cư.').waitFor();
    });
    await review.context.close();

    const found = await search();
    assert.deepEqual(
      found.items.map((p) => p.fullName),
      ['Lương Văn Chíp'],
    );
    const visits = await checkinsAt(officer, venueId);
    assert.deepEqual(
      visits.map((v) => [v.personId, v.method]),
      [[found.items[0]!.id, 'cccd']],
      'the visit moved to the confirmed person',
    );
  });
});
