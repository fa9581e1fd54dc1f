// Issue #13 §3 in the browser: three released positives of people who were at one shop together make a
// proposed cluster; the commune officer, at 360 px, opens it from the Menu, sees its cases, the shop and
// the contacts by day, confirms and names it, traces F2 for all of it and closes it. Result corrections
// then annul cases: one leaves the open cluster, and one annulled after the close stays on the closed
// cluster's record, marked.
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, waitForCount, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone, signInStaff } from './support/checkin';
import { labWorld, receivedTubes, release, type LabWorld } from './support/lab-tubes';
import { openFromMenu } from './support/nav';

const suffix = Math.floor(Math.random() * 9000) + 1000;
const SHOP = `Quán bia thử ${suffix}`;
const CLUSTER = `Ổ dịch quán bia ${suffix}`;
const names = [`Tạ Văn Một ${suffix}`, `Tạ Văn Hai ${suffix}`, `Tạ Văn Ba ${suffix}`];

/** Reloads until the locator shows: the case and its cluster come from events, within seconds. */
async function untilVisible(page: Page, locator: Locator) {
  for (let i = 0; i < 30 && !(await locator.isVisible()); i++) {
    await page.waitForTimeout(1000);
    await page.reload();
  }
  await locator.waitFor();
}

describe('clusters: three cases at one shop → proposed → confirmed, named, F2, closed; annulled cases', () => {
  let server: TestServer;
  let browser: Browser;
  let w: LabWorld;
  let tubes: string[];
  const correct = (barcode: string) =>
    w.supervisor.request('POST', `/api/lab/results/${encodeURIComponent(barcode)}/correction`, {
      result: 'negative',
      reason: 'Nhầm ống khi nhập tay, đối chiếu sổ máy',
    });

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { session: manager, venueId } = await managerWithVenue(server, SHOP);
    const { token } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
    const people: string[] = [];
    for (const fullName of names) {
      const c = await citizenWithRecord(server, randomPhone(), fullName);
      await c.session.request('POST', '/api/checkins', {
        id: randomUUID(),
        venueToken: token,
        deviceTime: new Date().toISOString(),
      });
      people.push(c.personId);
    }
    w = await labWorld(server);
    tubes = await receivedTubes(
      w,
      people.map((p) => [p]),
    );
    await release(
      w,
      tubes.map((b) => [b, 'positive'] as [string, 'positive']),
    );
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the commune officer confirms, names, traces and closes the cluster; annulled cases leave or stay marked (360 px)', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'cluster', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Ổ dịch');
      const card = page.getByTestId('cluster').filter({ hasText: '3 ca bệnh' });
      await untilVisible(page, card);
      assert.match((await card.textContent()) ?? '', /Địa điểm · Đề xuất/);
      await card.getByRole('link', { name: 'Xem ổ dịch' }).click();

      // The cluster's page: its three cases by name, the shop, and no contact traced yet.
      const cases = page.getByTestId('cluster-case');
      await waitForCount(cases, 3);
      for (const n of names) await cases.filter({ hasText: n }).waitFor();
      await page.getByTestId('cluster-venue').filter({ hasText: SHOP }).waitFor();
      assert.match((await page.getByTestId('cluster-venue').textContent()) ?? '', /3 ca bệnh/);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 360, `no sideways scroll at 360 px (${width})`);

      // Confirm without a name: the form asks for one; with one, the cluster is confirmed.
      await page.getByRole('button', { name: 'Xác nhận ổ dịch' }).click();
      assert.equal(await page.getByRole('heading', { name: CLUSTER }).count(), 0);
      await page.getByLabel('Tên ổ dịch').fill(CLUSTER);
      await page.getByLabel('Tên ổ dịch').press('Enter');
      await page.getByRole('heading', { name: CLUSTER }).waitFor();
      await page.getByTestId('cluster-state').filter({ hasText: 'Đã xác nhận' }).waitFor();

      // The cases were at the shop together: each is the others' contact; F2 runs over confirmed F1 only.
      await page.getByRole('button', { name: 'Tìm F2 cho cả ổ dịch' }).click();
      await page.getByTestId('cluster-expanded').filter({ hasText: 'Đã tìm từ 0 F1' }).waitFor();

      // A result correction annuls the first case: it leaves the cluster still open.
      await correct(tubes[0]!);
      await untilVisible(page, page.getByRole('heading', { name: '2 ca bệnh' }));
      await waitForCount(cases, 2);
      assert.equal(await cases.filter({ hasText: names[0]! }).count(), 0, 'the annulled case left');

      await page.getByRole('button', { name: 'Đóng ổ dịch' }).click();
      await page.getByTestId('cluster-state').filter({ hasText: 'Đã đóng' }).waitFor();
      assert.equal(await page.getByRole('button', { name: 'Tìm F2 cho cả ổ dịch' }).count(), 0);

      // The second case is annulled after the close: the closed cluster's record keeps it, marked.
      await correct(tubes[1]!);
      const marked = cases.filter({ hasText: names[1]! }).getByTestId('case-annulled');
      await untilVisible(page, marked);
      assert.match((await marked.textContent()) ?? '', /Đã huỷ do đính chính kết quả ngày/);
      await waitForCount(cases, 2);

      // The list's filter finds it among the closed ones.
      await page.getByRole('link', { name: '← Danh sách ổ dịch' }).click();
      await page.getByLabel('Trạng thái').selectOption('closed');
      await page.getByTestId('cluster').filter({ hasText: CLUSTER }).waitFor();
    });
    await context.close();
  });
});
