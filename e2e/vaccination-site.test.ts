import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { fitsWidth, launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { citizenWithRecord, randomPhone, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

/** Presses the day list's Refresh until the text shows (the list also refreshes itself every 15 s). */
async function refreshUntil(page: Page, testId: string, text: RegExp): Promise<void> {
  for (let i = 0; i < 20; i++) {
    if (await page.getByTestId(testId).filter({ hasText: text }).isVisible()) return;
    await page.getByRole('button', { name: 'Làm mới' }).click();
    await page.waitForTimeout(500);
  }
  await page.getByTestId(testId).filter({ hasText: text }).waitFor({ timeout: 1000 });
}

describe('vaccination at the site (360 px)', () => {
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

  it('arrive → screen → dose → observation list → serious AEFI → the district officer sees the worklist item; coverage page', async () => {
    // A citizen books today's slot at the demo site for their father.
    const phone = randomPhone();
    const { session } = await citizenWithRecord(server, phone, 'Đỗ Thị Con');
    // A name of its own, so "name, birth year" finds only him.
    const name = `Đỗ Văn Phản ${String.fromCharCode(65 + Math.floor(Math.random() * 26))}${Math.floor(Math.random() * 1000)}`;
    const father = await session.request<{ id: string }>('POST', '/api/me/family', {
      fullName: name,
      birthYear: 1958,
      sex: 'male',
      communeCode: '00001',
      relation: 'bố',
    });
    const vaccinator = await apiAs(server, 'vaccinator');
    const [site] = await vaccinator.request<{ id: string }[]>('GET', '/api/vaccination/sites');
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const campaign = await officer.request<{ id: string }>('POST', '/api/vaccination/campaigns', {
      name: 'Tiêm bù cuối ngày',
      disease: 'covid-19',
      products: ['EU/1/21/1529'],
      targetGroups: [],
      unitCode: '00001',
      startsOn: '2020-01-01',
      endsOn: '2099-12-31',
    });
    // Starts within the same day in Viet Nam, so it is on today's list.
    const vnNow = new Date(Date.now() + 7 * 3_600_000);
    const endOfVnDay =
      Date.UTC(vnNow.getUTCFullYear(), vnNow.getUTCMonth(), vnNow.getUTCDate() + 1) - 7 * 3_600_000;
    const startsAt = new Date(Math.min(Date.now() + 20 * 60_000, endOfVnDay - 2 * 60_000));
    const slot = await officer.request<{ id: string }>(
      'POST',
      `/api/vaccination/campaigns/${campaign.id}/slots`,
      {
        siteId: site!.id,
        startsAt: startsAt.toISOString(),
        endsAt: new Date(startsAt.getTime() + 60_000).toISOString(),
        capacity: 5,
      },
    );
    await session.request('POST', '/api/vaccination/bookings', { slotId: slot.id, personId: father.id });

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'vaccination-site', async () => {
      await signInStaff(page, server.demoAccount('vaccinator'));
      await openFromMenu(page, 'Điểm tiêm');
      await page.getByRole('heading', { name: /Điểm tiêm: Trạm Y tế phường Phúc Xá/ }).waitFor();

      // He arrives: the booked list says so.
      const booked = page.getByTestId('booked').getByRole('listitem').filter({ hasText: name });
      await booked.getByRole('button', { name: 'Đã đến' }).click();
      await booked.filter({ hasText: 'đã đến' }).waitFor();

      // Screening and the dose, as the page instructs: a code, an ID number or name and birth year, then Enter.
      await page.getByLabel(/Quét mã hoặc nhập số CCCD/).fill(`${name}, 1958`);
      await page.getByLabel(/Quét mã hoặc nhập số CCCD/).press('Enter');
      await page
        .getByTestId('vaccination-person')
        .getByRole('heading', { name: new RegExp(name) })
        .waitFor();
      await page.getByLabel('Kết luận').selectOption({ label: 'Đủ điều kiện tiêm ngay' });
      await page.getByRole('button', { name: 'Tiêm và ghi nhận' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã ghi nhận mũi tiêm' }).waitFor();
      await page.getByTestId('sync-status').filter({ hasText: 'Đã đồng bộ hết.' }).waitFor();

      // The observation list: 30 minutes, then "may leave".
      await refreshUntil(page, 'observation', new RegExp(`${name} · 1 · Đang theo dõi`));
      await booked.filter({ hasText: 'đã tiêm' }).waitFor();

      // A serious reaction during observation, reported from the list.
      const watched = page.getByTestId('observation').getByRole('listitem').filter({ hasText: name });
      await watched.getByRole('button', { name: 'Báo phản ứng' }).click();
      const form = page.getByTestId('aefi-form');
      await form.getByLabel('Khó thở').check();
      await form.getByLabel('Mức độ').selectOption({ label: 'Nặng' });
      await form.getByText('Phản ứng nặng được báo ngay').waitFor();
      await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
      await page.getByRole('status').filter({ hasText: 'Đã lưu báo cáo phản ứng' }).waitFor();
      await page.getByTestId('sync-status').filter({ hasText: 'Đã đồng bộ hết.' }).waitFor();
      await refreshUntil(page, 'observation', new RegExp(`${name}.*Phản ứng: Nặng`));
      assert.ok(await fitsWidth(page.getByTestId('observation'), 360), 'the observation list fits 360 px');
    });
    await context.close();

    // The district officer sees the follow-up at once, and the coverage of their district.
    const district = await newPage(browser, server.url);
    await withScreenshot(district.page, 'vaccination-site-district', async () => {
      await signInStaff(district.page, server.demoAccount('district_officer'));
      await openFromMenu(district.page, 'Việc cần xử lý');
      await district.page
        .getByTestId('worklist-item')
        .filter({ hasText: 'Phản ứng nặng sau tiêm chủng' })
        .filter({ hasText: name })
        .first()
        .waitFor();
      await openFromMenu(district.page, 'Độ bao phủ tiêm chủng');
      const coverage = district.page.getByTestId('coverage');
      await coverage.getByRole('heading', { name: /Ba Đình/ }).waitFor();
      await coverage.getByText(/nặng [1-9]/).waitFor();
      const bands = district.page.getByTestId('coverage-bands');
      await bands.getByText('Từ 65 tuổi').waitFor();
      assert.ok(await fitsWidth(coverage, 360), 'the figures fit 360 px');
    });
    await district.context.close();
  });
});
