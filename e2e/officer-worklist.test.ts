import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone, signInStaff } from './support/checkin';
import { apiAs } from './support/api';

const name = `Vũ Thị Lan ${['Anh', 'Bích', 'Chi', 'Dung'][Math.floor(Math.random() * 4)]}`;
const shopName = `Tiệm thuốc thử ${Math.floor(Math.random() * 9000) + 1000}`;
const SYMPTOMS = {
  symptoms: ['fever'],
  contact_case: false,
  contact_outbreak_area: false,
  contact_symptomatic: false,
};

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('officer worklist: the person, the matter and a working link (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let personId: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // A citizen of Phúc Xá declares a fever: the declaration raises a follow-up for the commune.
    const citizen = await citizenWithRecord(server, randomPhone(), name);
    personId = citizen.personId;
    await citizen.session.request('POST', '/api/declarations', { kind: 'domestic', answers: SYMPTOMS });
    // And checked in at a shop in the commune: the person page traces it.
    const { session: manager, venueId } = await managerWithVenue(server, shopName);
    const { token } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
    await citizen.session.request('POST', '/api/checkins', {
      id: randomUUID(),
      venueToken: token,
      deviceTime: new Date().toISOString(),
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the person's name and the matter; the link opens the record and no action covers it", async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-worklist', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto('/worklist');
      const item = page.getByTestId('worklist-item').filter({ hasText: name });
      await item.waitFor();
      assert.match((await item.textContent()) ?? '', /Tờ khai y tế có dấu hiệu cần theo dõi/);
      const link = item.getByRole('link', { name });
      const linkBox = await link.boundingBox();
      assert.ok(linkBox, 'the link is visible');
      assert.ok(linkBox.x + linkBox.width <= 360, 'the link fits the screen');
      for (const button of await item.getByRole('button').all()) {
        const b = await button.boundingBox();
        assert.ok(b && !overlaps(linkBox, b), 'an action overlaps the link');
        assert.ok(b.x + b.width <= 360, 'an action runs past the screen');
      }
      await link.click();
      await page.waitForURL(`**/people/${personId}`);
      await page.getByTestId('person-fields').getByText(name).waitFor();
    });
    await context.close();
  });

  it("the person's history reads in words: what changed, from what to what, no codes or ids", async () => {
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    const person = await officer.request<{ version: number }>('GET', `/api/people/${personId}`);
    await officer.request('PATCH', `/api/people/${personId}`, {
      street: 'Số 9 Hàng Bún',
      sex: 'male',
      version: person.version,
    });
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-person-history', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/people/${personId}`);
      const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
      await history.getByText('Sửa hồ sơ').waitFor();
      const text = (await history.textContent()) ?? '';
      assert.match(text, /Giới tính: Nữ → Nam/);
      assert.match(text, /Địa chỉ \(số nhà, đường, thôn\): \(trống\) → Số 9 Hàng Bún/);
      assert.match(text, /Tạo hồ sơ/);
      assert.doesNotMatch(text, /[0-9a-f]{8}-[0-9a-f]{4}|"from"|fullName|family_link/, 'no raw ids or codes');

      // Where the person has been: the tracing query, on the page.
      const visits = page.getByRole('region', { name: 'Nơi đã đến (truy vết)' });
      const visit = visits.getByTestId('person-checkin').filter({ hasText: shopName });
      await visit.waitFor();
      assert.match((await visit.textContent()) ?? '', /tự quét mã điểm/);
    });
    await context.close();
  });
});
