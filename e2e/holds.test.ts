import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { fitsWidth, launchBrowser, MOBILE, newPage, waitForCount, withScreenshot } from './support/browser';
import { apiAs } from './support/api';
import { signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

const reason = `Điều tra ca bệnh F0 số ${Math.floor(Math.random() * 9000) + 1000}`;
const areaReason = `Điều tra ổ dịch chợ số ${Math.floor(Math.random() * 9000) + 1000}`;
const areaPersonName = 'Phạm Thị Điều Tra';

describe('commune officer: investigation holds, on a person and for the whole area (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let personId: string;
  let areaPersonId: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const person = await officer.request<{ id: string }>('POST', '/api/people', {
      fullName: 'Lê Thị Giữ',
      birthYear: 1988,
      sex: 'female',
      communeCode: '00001',
    });
    personId = person.id;
    areaPersonId = (
      await officer.request<{ id: string }>('POST', '/api/people', {
        fullName: areaPersonName,
        birthYear: 1979,
        sex: 'female',
        communeCode: '00001',
      })
    ).id;
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('holds check-ins and declarations from one form, sees both listed, releases them', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'holds-person', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/people/${personId}`);
      const section = page.getByRole('region', { name: 'Giữ dữ liệu điều tra' });
      await section.getByText('Không có lệnh giữ nào đang hiệu lực.').waitFor();
      assert.ok(await section.getByLabel('Giữ lượt quét mã').isChecked());
      assert.ok(await section.getByLabel('Giữ tờ khai y tế').isChecked());

      // Too short a reason is refused on the page before anything is sent.
      await section.getByLabel('Lý do (vụ điều tra)').fill('ngắn');
      await section.getByRole('button', { name: 'Giữ dữ liệu', exact: true }).click();
      await section.getByText('Lý do cần ít nhất 10 ký tự.').waitFor();

      await section.getByLabel('Lý do (vụ điều tra)').fill(reason);
      await section.getByRole('button', { name: 'Giữ dữ liệu', exact: true }).click();
      await section.getByText('Đã đặt lệnh giữ.').waitFor();
      const items = section.getByTestId('hold-item');
      await waitForCount(items, 2);
      const checkins = items.filter({ hasText: 'Lượt quét mã' });
      assert.match((await checkins.textContent()) ?? '', new RegExp(reason));
      await items.filter({ hasText: 'Tờ khai y tế' }).waitFor();

      await checkins.getByRole('button', { name: 'Thôi giữ' }).click();
      await section.getByText('Đã thôi giữ.').waitFor();
      await waitForCount(items, 1);
      await items.filter({ hasText: 'Tờ khai y tế' }).getByRole('button', { name: 'Thôi giữ' }).click();
      await section.getByText('Không có lệnh giữ nào đang hiệu lực.').waitFor();
      await waitForCount(items, 0);
      // Ended holds stay visible, folded, with who released them.
      await section.getByText('Lệnh giữ đã kết thúc (2)').click();
      const ended = section.getByTestId('ended-hold');
      await waitForCount(ended, 2);
      assert.match((await ended.first().textContent()) ?? '', /Đã thôi giữ lúc .*người thực hiện/);

      // The section fits a 360 px screen: nothing in it wider than the viewport.
      assert.ok(await fitsWidth(section, MOBILE.width), 'the holds section fits the screen');
    });
    await context.close();
  });

  it('a hold placed on a person page is listed for the area, links back, and is released from the list', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'holds-page', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/people/${areaPersonId}`);
      const section = page.getByRole('region', { name: 'Giữ dữ liệu điều tra' });
      await section.getByText('Không có lệnh giữ nào đang hiệu lực.').waitFor();
      await section.getByLabel('Lý do (vụ điều tra)').fill(areaReason);
      await section.getByRole('button', { name: 'Giữ dữ liệu', exact: true }).click();
      await section.getByText('Đã đặt lệnh giữ.').waitFor();
      await waitForCount(section.getByTestId('hold-item'), 2);

      // The area page, from the main navigation.
      const openPage = async () => {
        await openFromMenu(page, 'Giữ dữ liệu điều tra');
        await page.getByRole('heading', { level: 1, name: 'Giữ dữ liệu điều tra' }).waitFor();
      };
      await openPage();
      const mine = page.getByTestId('area-hold').filter({ hasText: areaReason });
      await waitForCount(mine, 2);
      const checkins = mine.filter({ hasText: 'Lượt quét mã' });
      const declarations = mine.filter({ hasText: 'Tờ khai y tế' });
      await declarations.getByText('Mọi tờ khai').waitFor();
      const link = checkins.getByRole('link', { name: /^Người dân ở .*Phúc Xá/ });
      await link.waitFor();
      // The list names nobody: the person page it links to is the audited read.
      assert.equal(await page.getByText(areaPersonName).count(), 0, 'no name on the area list');

      // It fits a 360 px screen: nothing wider than the viewport.
      const list = page.getByRole('list', { name: 'Giữ dữ liệu điều tra' });
      assert.ok(await fitsWidth(list, MOBILE.width), 'the holds list fits the screen');
      assert.ok(
        await page.locator('main').evaluate((el) => el.scrollWidth <= el.clientWidth),
        'nothing on the page is wider than the screen',
      );

      // Back to the person, from the list.
      await link.click();
      await page.waitForURL(`**/people/${areaPersonId}`);
      await page.getByText(areaPersonName).first().waitFor();
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
