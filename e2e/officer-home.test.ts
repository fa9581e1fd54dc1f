import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone, signInStaff } from './support/checkin';

const SYMPTOMS = {
  symptoms: ['cough'],
  contact_case: false,
  contact_outbreak_area: false,
  contact_symptomatic: false,
};

/** The number shown on one of the home page's figure cards. */
async function figure(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).locator('.figure').textContent()) ?? '';
  return Number(text.replace(/\D/g, ''));
}

describe("officer's home: counts of the area, not only links (360 px)", () => {
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

  it("shows open worklist items and today's check-ins, and they move when the area's do", async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'officer-home', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      const summary = page.getByRole('region', { name: 'Hôm nay trong địa bàn' });
      await summary.getByTestId('summary-checkins').waitFor();
      const openBefore = await figure(page, 'summary-open');
      const checkinsBefore = await figure(page, 'summary-checkins');
      await summary.getByTestId('summary-results').waitFor();

      // In Phúc Xá: a citizen checks in at a point and declares a cough (one follow-up).
      const citizen = await citizenWithRecord(server, randomPhone(), 'Hồ Thị Nga');
      const { session: manager, venueId } = await managerWithVenue(server, `Quầy thử ${Date.now() % 10000}`);
      const { token } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
      await citizen.session.request('POST', '/api/checkins', {
        id: randomUUID(),
        venueToken: token,
        deviceTime: new Date().toISOString(),
      });
      await citizen.session.request('POST', '/api/declarations', { kind: 'domestic', answers: SYMPTOMS });

      await page.reload();
      await summary.getByTestId('summary-checkins').waitFor();
      assert.equal(await figure(page, 'summary-checkins'), checkinsBefore + 1);
      assert.equal(await figure(page, 'summary-open'), openBefore + 1);
      // The open items lead to the worklist.
      await summary.getByTestId('summary-open').getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Việc cần xử lý' }).waitFor();
    });
    await context.close();
  });
});
