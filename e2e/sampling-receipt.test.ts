import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { signInStaff } from './support/checkin';

const DEMO_LAB_ID = '5a3b0000-0000-4000-8000-000000000001';

describe('lab receipt: scanning a shipment flags the missing and the extra tube (360 px)', () => {
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

  it('receives one listed tube, misses the other, and reports a stray tube as extra', async () => {
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const sampler = await apiAs(server, 'sampler');
    const session = await officer.request<{ id: string }>('POST', '/api/testing/sessions', {
      name: `Test nhanh chợ ${Date.now()}`,
      kind: 'targeted',
      testType: 'rapid_antigen',
      communeCode: '00001',
      date: new Date().toISOString().slice(0, 10),
    });
    const { barcodes } = await sampler.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
      count: 3,
      testType: 'rapid_antigen',
    });
    const [first, second, stray] = barcodes as [string, string, string];
    for (const [i, barcode] of [first, second].entries()) {
      const p = await officer.request<{ id: string }>('POST', '/api/people', {
        fullName: `Lý Thị Chợ ${i}`,
        birthYear: 1980 + i,
        sex: 'female',
        communeCode: '00001',
      });
      await sampler.request('POST', '/api/testing/samples', {
        id: crypto.randomUUID(),
        barcode,
        personId: p.id,
        sessionId: session.id,
        sampleType: 'nasal',
        collectedAt: new Date().toISOString(),
      });
    }
    const manifest = await sampler.request<{ id: string }>('POST', '/api/testing/shipments', {
      labId: DEMO_LAB_ID,
      barcodes: [first, second],
      carrier: 'Xe máy 29B1-555.55',
      sentAt: new Date().toISOString(),
    });

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-receipt', async () => {
      await signInStaff(page, server.demoAccount('lab_technician'));
      await page.goto('/lab/receive');
      await page.getByRole('button', { name: /Xe máy 29B1-555.55/ }).click();
      for (const code of [first, stray]) {
        await page.getByLabel('Quét mã ống nhận được').fill(code);
        await page.getByLabel('Quét mã ống nhận được').press('Enter');
      }
      await page.getByTestId('scanned-count').filter({ hasText: 'Đã quét 2 ống' }).waitFor();
      await page.getByRole('button', { name: 'Xác nhận đã nhận' }).click();
      const report = page.getByTestId('receive-report');
      await report.filter({ hasText: second }).waitFor();
      assert.match((await report.textContent()) ?? '', new RegExp(`Thừa.*${stray}`));
    });
    const lab = await apiAs(server, 'lab_technician');
    const stored = await lab.request<{ status: string; tubes: { barcode: string; status: string }[] }>(
      'GET',
      `/api/testing/shipments/${manifest.id}`,
    );
    assert.equal(stored.status, 'received');
    assert.deepEqual(Object.fromEntries(stored.tubes.map((t) => [t.barcode, t.status])), {
      [first]: 'received',
      [second]: 'missing',
      [stray]: 'extra',
    });
    await context.close();
  });
});
