import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, randomPhone, signInCitizenUi } from './support/checkin';
import { openFromMenu } from './support/nav';

const suffix = ['Hạnh', 'Khuê', 'Ly', 'My'][Math.floor(Math.random() * 4)] ?? 'Hạnh';
const ownName = `Tạ Thị Thu ${suffix}`;
const childName = `Tạ Minh Quân ${suffix}`;

describe('citizen: greeted by name, opens a family member without a dead end (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const phone = randomPhone();

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { session } = await citizenWithRecord(server, phone, ownName);
    await session.request('POST', '/api/me/family', {
      fullName: childName,
      birthDate: '2015-09-02',
      sex: 'male',
      communeCode: '00001',
      relation: 'child',
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the home greets the citizen by the name on their record', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-greeting', async () => {
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Trang chủ');
      await page.getByRole('heading', { level: 1, name: `Xin chào, ${ownName}` }).waitFor();
    });
    await context.close();
  });

  it('opening a relative from "my record" shows what the citizen may see of them, relation in words', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-family', async () => {
      await signInCitizenUi(page, server, phone);
      const fields = page.getByTestId('person-fields').first();
      await fields.waitFor();
      // The family list under the record: the relation as a word, not its code.
      const family = page.getByRole('listitem').filter({ hasText: childName }).first();
      await family.waitFor();
      assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`${childName} \\(Con\\)`));
      await page.getByRole('link', { name: childName }).first().click();
      await page.getByRole('heading', { level: 1, name: `Người thân: ${childName}` }).waitFor();
      const text = (await page.locator('main').textContent()) ?? '';
      assert.doesNotMatch(text, /không có quyền/i);
      assert.match(text, /2\/9\/2015/, 'the birth date as a Vietnamese reader writes it');
      assert.match(text, /Phúc Xá/);
      const width = await page.evaluate<number>('document.documentElement.scrollWidth');
      assert.ok(width <= 360, `the page is ${width} px wide`);
    });
    await context.close();
  });
});
