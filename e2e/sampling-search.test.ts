import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { signInStaff } from './support/checkin';

describe('sampler page: a person with no code is found by name and linked (360 px)', () => {
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

  it('searches without diacritics, picks the person and links them to the tube', async () => {
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const sampler = await apiAs(server, 'sampler');

    const tag = `Khổng Thị Tìm ${Date.now() % 100000}`;
    const person = await officer.request<{ id: string }>('POST', '/api/people', {
      fullName: tag,
      birthYear: 1960,
      sex: 'female',
      communeCode: '00001',
    });
    const session = await officer.request<{ id: string }>('POST', '/api/testing/sessions', {
      name: `Lấy mẫu tìm theo tên ${Date.now()}`,
      kind: 'mass',
      testType: 'rapid_antigen',
      communeCode: '00001',
      date: new Date().toISOString().slice(0, 10),
      poolSize: 1,
    });
    const [tube] = (
      await sampler.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
        count: 1,
        testType: 'rapid_antigen',
        sessionId: session.id,
      })
    ).barcodes;

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-search', async () => {
      await signInStaff(page, server.demoAccount('sampler'));
      await page.goto('/sampling');
      await page.locator(`#sample-session option[value="${session.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#sample-session').selectOption(session.id);
      await page.getByLabel('Loại mẫu').selectOption({ label: 'Dịch mũi' });
      await page.getByRole('button', { name: 'Không có mã? Tìm theo tên' }).click();
      const folded = tag.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase();
      await page.getByLabel('Họ tên (có thể gõ không dấu)').fill(folded);
      await page.getByLabel('Năm sinh').fill('1960');
      await page.getByRole('button', { name: 'Tìm', exact: true }).click();
      await page.getByRole('button', { name: new RegExp(`Chọn: ${tag}`) }).click();
      await page.getByText(`Người được lấy mẫu: ${tag} (1960)`).waitFor();
      await page.getByLabel('Mã ống').fill(tube!);
      await page.getByLabel('Mã ống').press('Enter');
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      await page.getByTestId('current-tube').filter({ hasText: tag }).waitFor();
    });
    const linked = await sampler.request<{ members: { personId: string }[] }>(
      'GET',
      `/api/testing/tubes/${tube}`,
    );
    assert.deepEqual(
      linked.members.map((m) => m.personId),
      [person.id],
    );
    await context.close();
  });
});
