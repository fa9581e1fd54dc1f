import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone, signInCitizenUi } from './support/checkin';
import { openFromMenu } from './support/nav';

describe('citizen: my QR, and a check-in by pasting the venue code (360 px)', () => {
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

  it('shows my QR with its colour, checks in at a venue and lists the visit', async () => {
    const phone = randomPhone();
    const me = await citizenWithRecord(server, phone, 'Hà Thị Dán');
    const { session: manager, venueId } = await managerWithVenue(server, 'Hiệu sách Dán Mã');
    const { token: venueCode } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'checkin-citizen', async () => {
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Mã QR của tôi');
      await page.getByTestId('my-qr').waitFor();
      assert.equal(await page.getByTestId('person-band').getAttribute('data-colour'), 'green');
      assert.match((await page.getByTestId('person-band').textContent()) ?? '', /Hà Thị Dán/);

      await openFromMenu(page, 'Quét mã điểm');
      await page.getByLabel('Dán mã điểm').fill(venueCode);
      await page.getByRole('button', { name: 'Ghi nhận' }).click();
      const done = page.getByTestId('checkin-done');
      await done.waitFor();
      assert.match((await done.textContent()) ?? '', /Hiệu sách Dán Mã/);

      await openFromMenu(page, 'Lịch sử đi lại');
      await page.getByRole('cell', { name: 'Hiệu sách Dán Mã' }).waitFor();
    });
    await context.close();
    const mine = await me.session.request<{ items: { venueId: string; personId: string }[] }>(
      'GET',
      '/api/me/checkins',
    );
    assert.deepEqual(
      mine.items.map((v) => [v.venueId, v.personId]),
      [[venueId, me.personId]],
    );
  });
});
