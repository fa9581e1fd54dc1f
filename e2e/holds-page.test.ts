import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, newPage, waitForCount, withScreenshot } from './support/browser';
import { ApiSession } from './support/api';
import { signInStaff } from './support/checkin';

const reason = `Điều tra ổ dịch chợ số ${Math.floor(Math.random() * 9000) + 1000}`;
const fullName = 'Phạm Thị Điều Tra';

describe('commune officer: the investigation holds page of the area (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let personId: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const officer = new ApiSession(server.url);
    const o = server.demoAccount('commune_officer', 'Phúc Xá');
    await officer.login(o.login, o.secret);
    const person = await officer.request<{ id: string }>('POST', '/api/people', {
      fullName,
      birthYear: 1979,
      sex: 'female',
      communeCode: '00001',
    });
    personId = person.id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a hold placed on a person page is listed for the area, links back, and is released from the list', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'holds-page', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/people/${personId}`);
      const section = page.getByRole('region', { name: 'Giữ dữ liệu điều tra' });
      await section.getByText('Không có lệnh giữ nào đang hiệu lực.').waitFor();
      await section.getByLabel('Lý do (vụ điều tra)').fill(reason);
      await section.getByRole('button', { name: 'Giữ dữ liệu', exact: true }).click();
      await section.getByText('Đã đặt lệnh giữ.').waitFor();
      await waitForCount(section.getByTestId('hold-item'), 2);

      // The area page, from the main navigation.
      const nav = page.getByRole('navigation', { name: 'Điều hướng chính' });
      const openPage = async () => {
        await nav.getByRole('link', { name: 'Giữ dữ liệu điều tra' }).click();
        await page.getByRole('heading', { level: 1, name: 'Giữ dữ liệu điều tra' }).waitFor();
      };
      await openPage();
      const mine = page.getByTestId('area-hold').filter({ hasText: reason });
      await waitForCount(mine, 2);
      const checkins = mine.filter({ hasText: 'Lượt quét mã' });
      const declarations = mine.filter({ hasText: 'Tờ khai y tế' });
      await declarations.getByText('Mọi tờ khai').waitFor();
      const link = checkins.getByRole('link', { name: /^Người dân ở .*Phúc Xá/ });
      await link.waitFor();
      // The list names nobody: the person page it links to is the audited read.
      assert.equal(await page.getByText(fullName).count(), 0, 'no name on the area list');

      // It fits a 360 px screen: nothing wider than the viewport.
      const list = page.getByRole('list', { name: 'Giữ dữ liệu điều tra' });
      const box = await list.boundingBox();
      const fits =
        (await page.locator('main').evaluate((el) => el.scrollWidth <= el.clientWidth)) &&
        !!box &&
        box.x + box.width <= MOBILE.width;
      assert.ok(fits, 'the holds list fits the screen');

      // Back to the person, from the list.
      await link.click();
      await page.waitForURL(`**/people/${personId}`);
      await page.getByText(fullName).first().waitFor();
      await waitForCount(section.getByTestId('hold-item'), 2);

      // Released from the list, one after the other; ended ones show who released them.
      await openPage();
      await waitForCount(mine, 2);
      await checkins.getByRole('button', { name: 'Thôi giữ' }).click();
      await page.getByText('Đã thôi giữ.').waitFor();
      await waitForCount(mine, 1);
      await declarations.getByRole('button', { name: 'Thôi giữ' }).click();
      await waitForCount(mine, 0);
      await page.getByLabel('Tình trạng').selectOption({ label: 'Đã kết thúc' });
      await waitForCount(mine, 2);
      assert.match((await checkins.textContent()) ?? '', /Đã thôi giữ lúc .*người thực hiện/);
      assert.equal(await mine.getByRole('button', { name: 'Thôi giữ' }).count(), 0);
    });
    await context.close();
  });
});
