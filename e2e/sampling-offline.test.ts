import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { signInStaff } from './support/checkin';

interface Tube {
  count: number;
  sealed: boolean;
  members: { personId: string }[];
}

/** A CCCD agreeing with a 1990s male birth in Hà Nội: 001 + century/sex 0 + year + 6-digit serial. */
const cccd = (year: number) =>
  `0010${String(year % 100)}${String(Math.floor(100_000 + Math.random() * 899_999))}`;

describe('sampler page: a pooled sampling session done offline, synced exactly once (360 px)', () => {
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

  it('links 3 people into one tube offline and sends each link once when back online', async () => {
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const sampler = await apiAs(server, 'sampler');

    const session = await officer.request<{ id: string }>('POST', '/api/testing/sessions', {
      name: `Lấy mẫu gộp ngoại tuyến ${Date.now()}`,
      kind: 'mass',
      testType: 'rt_pcr',
      communeCode: '00001',
      date: new Date().toISOString().slice(0, 10),
      poolSize: 3,
    });
    const [tube] = (
      await sampler.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
        count: 1,
        testType: 'rt_pcr',
        sessionId: session.id,
      })
    ).barcodes;
    const people: { id: string; cccd: string }[] = [];
    for (const [i, name] of ['Ngô Văn Một', 'Ngô Văn Hai', 'Ngô Văn Ba'].entries()) {
      const id = cccd(1991 + i);
      const p = await officer.request<{ id: string }>('POST', '/api/people', {
        fullName: name,
        birthYear: 1991 + i,
        sex: 'male',
        communeCode: '00001',
        cccd: id,
      });
      people.push({ id: p.id, cccd: id });
    }

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-offline', async () => {
      await signInStaff(page, server.demoAccount('sampler'));
      await page.goto('/sampling');
      await page.getByRole('heading', { name: 'Lấy mẫu' }).waitFor();
      await page.locator(`#sample-session option[value="${session.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#sample-session').selectOption(session.id);
      await page.getByText('Gộp 3 người/ống').waitFor();
      await page.getByLabel('Loại mẫu').selectOption({ label: 'Dịch tỵ hầu' });

      await context.setOffline(true);
      await page.getByTestId('online-state').filter({ hasText: 'Mất kết nối mạng' }).waitFor();
      for (const [i, p] of people.entries()) {
        await page.getByLabel(/Mã người/).fill(p.cccd);
        await page.getByLabel(/Mã người/).press('Enter');
        await page.getByLabel('Mã ống').fill(tube!);
        await page.getByLabel('Mã ống').press('Enter');
        await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
        await page
          .getByTestId('pending-count')
          .filter({ hasText: `Chờ gửi: ${i + 1}` })
          .waitFor();
        await page
          .getByTestId('current-tube')
          .filter({ hasText: `${i + 1}/3` })
          .waitFor();
      }
      // A fourth scan of someone already in the tube is caught on the phone, with no network.
      await page.getByLabel(/Mã người/).fill(people[0]!.cccd);
      await page.getByLabel(/Mã người/).press('Enter');
      await page.getByLabel('Mã ống').fill(tube!);
      await page.getByLabel('Mã ống').press('Enter');
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      await page.getByTestId('sample-message').filter({ hasText: 'đã có trong ống' }).waitFor();
      const whileOffline = await sampler.request<Tube>('GET', `/api/testing/tubes/${tube}`);
      assert.equal(whileOffline.count, 0, 'nothing reached the server while offline');

      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      const synced = await sampler.request<Tube>('GET', `/api/testing/tubes/${tube}`);
      assert.deepEqual(synced.members.map((m) => m.personId).sort(), people.map((p) => p.id).sort());
      assert.equal(synced.sealed, true, 'a full pool seals itself');
      // Names replace the scanned codes once the server has the links.
      await page.getByTestId('current-tube').filter({ hasText: 'Ngô Văn Ba' }).waitFor();

      // A reload (and its queue pass) sends nothing twice.
      await page.reload();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      const detail = await officer.request<{ progress: { sampled: number; tubes: number } }>(
        'GET',
        `/api/testing/sessions/${session.id}`,
      );
      assert.deepEqual([detail.progress.sampled, detail.progress.tubes], [3, 1]);
      assert.equal((await sampler.request<Tube>('GET', `/api/testing/tubes/${tube}`)).count, 3);
    });
    await context.close();
  });
});
