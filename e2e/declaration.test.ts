import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { openFromMenu } from './support/nav';

const last8 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
const phone = `09${last8}`;
const childName = `Đỗ Minh Khôi ${['An', 'Bảo', 'Châu', 'Duy'][Math.floor(Math.random() * 4)]}`;

/** The citizen's real sign-in: phone, the code from the development inbox page, confirm. */
async function signInCitizen(context: BrowserContext, page: Page): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Người dân' }).click();
  await page.getByLabel('Số điện thoại').fill(phone);
  await page.getByRole('button', { name: 'Gửi mã xác thực' }).click();
  await page.getByLabel('Mã xác thực').waitFor();
  const inbox = await context.newPage();
  await inbox.goto('/dev/inbox');
  const body = await inbox
    .getByTestId('inbox-message')
    .filter({ hasText: `*${last8.slice(-4)}` })
    .first()
    .locator('.message-body')
    .textContent();
  await inbox.close();
  const code = /\b(\d{6})\b/.exec(body ?? '')?.[1];
  assert.ok(code, 'no code in the inbox');
  await page.getByLabel('Mã xác thực').fill(code);
  await page.getByRole('button', { name: 'Xác nhận' }).click();
  await page.waitForURL('**/me');
}

/** API calls with the browser's own session cookie (set-up of the citizen's record and family). */
async function asBrowser<T>(
  context: BrowserContext,
  url: string,
  method: string,
  path: string,
  body: unknown,
) {
  const cookie = (await context.cookies()).map((c) => `${c.name}=${c.value}`).join('; ');
  const res = await fetch(url + path, {
    method,
    // Node's fetch sends no Origin; a page of the site would (the server refuses cross-site writes).
    headers: { cookie, origin: url, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  assert.ok(res.ok, `${method} ${path} → ${res.status} ${text}`);
  return JSON.parse(text) as T;
}

describe('citizen declares for a family member with a symptom; the commune officer sees it (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let childId: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('declares from the form built from the question set and shows the warning', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'declaration-family', async () => {
      await signInCitizen(context, page);
      await asBrowser(context, server.url, 'POST', '/api/me/person', {
        fullName: 'Đỗ Văn Hùng',
        birthYear: 1982,
        sex: 'male',
        communeCode: '00001',
      });
      childId = (
        await asBrowser<{ id: string }>(context, server.url, 'POST', '/api/me/family', {
          fullName: childName,
          birthYear: 2016,
          sex: 'male',
          communeCode: '00001',
          relation: 'con',
        })
      ).id;

      await openFromMenu(page, 'Khai báo y tế');
      await page.getByRole('heading', { name: 'Khai báo y tế', level: 1 }).waitFor();
      await page.getByLabel('Khai báo cho').selectOption({ label: childName });
      const symptoms = page.getByRole('group', { name: /dấu hiệu nào sau đây/ });
      await symptoms.getByLabel('Sốt').check();
      for (const question of [/người bệnh hoặc nghi ngờ/, /từ vùng có dịch/, /biểu hiện sốt, ho, khó thở/]) {
        await page.getByRole('group', { name: question }).getByLabel('Không').check();
      }
      await page.getByRole('button', { name: 'Gửi tờ khai' }).click();

      const result = page.getByTestId('declaration-result');
      await result.waitFor();
      assert.match((await result.textContent()) ?? '', /Cần lưu ý/);
      assert.match((await result.textContent()) ?? '', /Có triệu chứng nghi nhiễm/);
      const item = page.getByTestId('declaration-item').filter({ hasText: childName });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /Người thân khai/);
      assert.match((await item.textContent()) ?? '', /Có dấu hiệu/);
    });
    await context.close();
  });

  it('the Phúc Xá commune officer finds the item on the worklist and the declaration on the person page', async () => {
    const account = server.demoAccount('commune_officer', 'Phúc Xá');
    const api = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const list = await api.request<{ items: { id: string; personId: string; kind: string }[] }>(
      'GET',
      '/api/worklist?kind=declaration_warning',
    );
    assert.ok(list.items.some((i) => i.personId === childId));

    const { page, context } = await newPage(browser, server.url);
    await withScreenshot(page, 'declaration-worklist', async () => {
      await page.goto('/sign-in');
      await page.getByRole('tab', { name: 'Cán bộ' }).click();
      await page.getByLabel('Tên đăng nhập').fill(account.login);
      await page.getByLabel('Mật khẩu').fill(account.secret);
      await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
      await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
      await page.goto('/worklist');
      const item = page
        .getByTestId('worklist-item')
        .filter({ has: page.locator(`a[href="/people/${childId}"]`) });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /Tờ khai y tế có dấu hiệu cần theo dõi/);
      await item.locator(`a[href="/people/${childId}"]`).click();
      const section = page.getByRole('region', { name: 'Tờ khai y tế' });
      await section.getByTestId('declaration-item').first().waitFor();
      assert.match((await section.textContent()) ?? '', /Có triệu chứng nghi nhiễm/);
    });
    await context.close();
  });
});
