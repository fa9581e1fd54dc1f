import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, newPage, waitForCount, withScreenshot } from './support/browser';
import { ApiSession } from './support/api';
import { signInStaff } from './support/checkin';

const reason = `Điều tra ca bệnh F0 số ${Math.floor(Math.random() * 9000) + 1000}`;

describe('commune officer: investigation holds on a person (360 px)', () => {
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
      fullName: 'Lê Thị Giữ',
      birthYear: 1988,
      sex: 'female',
      communeCode: '00001',
    });
    personId = person.id;
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
      const box = await section.boundingBox();
      const fits =
        (await section.evaluate((el) => el.scrollWidth <= el.clientWidth)) &&
        !!box &&
        box.x + box.width <= MOBILE.width;
      assert.ok(fits, 'the holds section fits the screen');
    });
    await context.close();
  });
});
