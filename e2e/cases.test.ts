import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, randomPhone, signInCitizenUi, signInStaff } from './support/checkin';
import { apiAs } from './support/api';
import { labWorld, receivedTubes, release } from './support/lab-tubes';
import { openFromMenu } from './support/nav';

const name = `Đỗ Thị Ca ${['An', 'Bình', 'Cúc', 'Dạ'][Math.floor(Math.random() * 4)]} ${Math.floor(Math.random() * 900) + 100}`;

describe('cases: a released positive result becomes a case; a case at home reports SpO2 94 % (360 px; the officer also at 1280 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const phone = randomPhone();

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A citizen of Phúc Xá with their own record is sampled, and the demo lab releases a positive result.
    const citizen = await citizenWithRecord(server, phone, name);
    const w = await labWorld(server);
    const [barcode] = await receivedTubes(w, [[citizen.personId]]);
    await release(w, [[barcode!, 'positive']]);
    // The case is opened by the event dispatcher (every second): wait until it has done so.
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const deadline = Date.now() + 20_000;
    for (;;) {
      const list = await officer.request<{ items: { personId: string }[] }>('GET', '/api/cases?status=open');
      if (list.items.some((c) => c.personId === citizen.personId)) break;
      if (Date.now() > deadline) throw new Error('no case opened within 20 s of the release');
      await new Promise((r) => setTimeout(r, 250));
    }
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the commune officer finds the new case in the case list and opens its record', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'cases-officer-list', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Ca bệnh (F0)');
      const item = page.getByTestId('case-list').getByRole('listitem').filter({ hasText: name });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /Tại nhà/);
      const box = await item.boundingBox();
      assert.ok(box && box.x + box.width <= 360, 'the case fits the screen');
      await item.getByRole('link').click();
      await page.getByRole('heading', { name: `Hồ sơ ca bệnh: ${name}` }).waitFor();
      await page.getByText('Chưa có báo cáo.').waitFor();
    });
    await context.close();
  });

  it('at a desk (1280 px) the officer’s case list and record use the width without overflowing', async () => {
    const { context, page } = await newPage(browser, server.url, { width: 1280, height: 800 });
    await withScreenshot(page, 'cases-officer-desk', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Ca bệnh (F0)');
      const item = page.getByTestId('case-list').getByRole('listitem').filter({ hasText: name });
      await item.waitFor();
      const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok((await overflow()) <= 1280, 'the list page does not scroll sideways');
      const box = await item.boundingBox();
      assert.ok(box && box.width > 360 && box.x + box.width <= 1280, `the row is ${box?.width} px wide`);
      await item.getByRole('link').click();
      await page.getByRole('heading', { name: `Hồ sơ ca bệnh: ${name}` }).waitFor();
      await page.getByText('Chưa có báo cáo.').waitFor();
      assert.ok((await overflow()) <= 1280, 'the record does not scroll sideways');
    });
    await context.close();
  });

  it('the case reports SpO2 94 % from their phone; the medical team’s worklist shows the warning', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'cases-home-report', async () => {
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Cách ly tại nhà (F0)');
      await page.getByTestId('report-due').getByText('Hôm nay bạn chưa gửi báo cáo.').waitFor();
      await page.getByLabel('SpO2 (%)').fill('94');
      await page.getByLabel('Nhiệt độ (°C)').fill('37,8');
      await page.getByLabel('Nhịp thở (lần/phút)').fill('18');
      await page.getByLabel('Ho').check();
      await page.getByRole('button', { name: 'Gửi báo cáo' }).click();
      const answer = page.getByTestId('report-answer');
      await answer.getByText('Có dấu hiệu cảnh báo', { exact: true }).waitFor();
      assert.match((await answer.textContent()) ?? '', /SpO2 thấp/);
      await page
        .getByTestId('report-due')
        .getByText(/Hôm nay bạn đã gửi báo cáo/)
        .waitFor();
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 360, `the page is ${width} px wide`);
    });
    await context.close();

    const officerPage = await newPage(browser, server.url);
    await withScreenshot(officerPage.page, 'cases-worklist-warning', async () => {
      const p = officerPage.page;
      await signInStaff(p, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(p, 'Việc cần xử lý');
      // Beside the lab's "positive result" item, the warning from the report, naming the sign.
      const item = p
        .getByTestId('worklist-item')
        .filter({ hasText: name })
        .filter({ hasText: 'F0 cách ly tại nhà có dấu hiệu cảnh báo (SpO2 thấp)' });
      await item.waitFor();
      const box = await item.boundingBox();
      assert.ok(box && box.x + box.width <= 360, 'the warning fits the screen');
    });
    await officerPage.context.close();
  });

  it('the community team member phones the case: the home-care list shows the warning; the member enters today’s readings (360 px)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'cases-home-care', async () => {
      await signInStaff(page, server.demoAccount('community_team', 'Phúc Xá'));
      await openFromMenu(page, 'Theo dõi F0 tại nhà');
      const item = page.getByTestId('care-item').filter({ hasText: name });
      // The case's own report of SpO2 94 % (the test before) is the last one.
      await item.getByText('Có dấu hiệu cảnh báo ở báo cáo gần nhất').waitFor();
      assert.match((await item.textContent()) ?? '', /Đã báo cáo hôm nay.*SpO2 94 %/);
      // Names and report state only: the case record is not the team's.
      assert.equal(await item.getByRole('link').count(), 0);
      await item.getByRole('button', { name: `Nhập báo cáo cho ${name}` }).click();
      const form = page.getByRole('form', { name: `Báo cáo của ${name}` });
      await form.getByLabel('SpO2 (%)').fill('97');
      await form.getByLabel('Nhiệt độ (°C)').fill('37,2');
      // The last field, then Enter, as on a phone's keyboard.
      await form.getByLabel('Nhịp thở (lần/phút)').fill('16');
      await form.getByLabel('Nhịp thở (lần/phút)').press('Enter');
      await item.getByTestId('care-answer').getByText('Đã gửi báo cáo.').waitFor();
      await item.getByText(/SpO2 97 %/).waitFor();
      assert.equal(await item.getByText('Có dấu hiệu cảnh báo ở báo cáo gần nhất').count(), 0);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 360, `the page is ${width} px wide`);
    });
    await context.close();
  });
});
