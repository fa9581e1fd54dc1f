import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, newPage, withScreenshot } from './support/browser';
import {
  citizenWithRecord,
  managerWithVenue,
  randomPhone,
  signInCitizenUi,
  signInStaff,
} from './support/checkin';

const WIDTH = MOBILE.width;

/** Nothing on the page is wider than the screen: no sideways scrolling. */
async function assertNoOverflow(page: Page, where: string): Promise<void> {
  const width = await page.evaluate<number>('document.documentElement.scrollWidth');
  assert.ok(width <= WIDTH, `${where} is ${width} px wide at ${WIDTH} px`);
}

const menuButton = (page: Page) => page.getByRole('button', { name: 'Menu', exact: true });
const menu = (page: Page) => page.getByRole('navigation', { name: 'Điều hướng chính' });

/**
 * Opens the menu and clicks an entry. Under a loaded CI machine the panel was once seen to close
 * between opening and the click (the entry detached while being scrolled to; not reproduced alone):
 * reopen and try again rather than wait out the whole timeout.
 */
async function clickInMenu(page: Page, name: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    if (!(await menu(page).isVisible())) await menuButton(page).click();
    await menu(page).waitFor();
    try {
      await menu(page).getByRole('link', { name, exact: true }).click({ timeout: 5000 });
      return;
    } catch (err) {
      if (attempt === 3) throw err;
    }
  }
}

/**
 * Opens the menu, checks it fits and is grouped, then opens every page in it (through the menu, as a
 * person would) and checks each fits the screen. Returns the names of the menu's entries.
 */
async function walkMenu(page: Page, who: string): Promise<string[]> {
  await assertNoOverflow(page, `${who}: home`);
  await menuButton(page).click();
  await menu(page).waitFor();
  const groups = await menu(page).getByRole('heading', { level: 2 }).allTextContents();
  assert.ok(groups.length >= 1, `${who}: the menu has task groups`);
  const names = (await menu(page).getByRole('link').allTextContents()).map((n) => n.trim());
  for (const link of await menu(page).getByRole('link').all()) {
    const box = await link.boundingBox();
    assert.ok(box && box.x >= 0 && box.x + box.width <= WIDTH, `${who}: a menu entry runs past the screen`);
  }
  await assertNoOverflow(page, `${who}: open menu`);
  for (const name of names) {
    await clickInMenu(page, name);
    // The menu closes on the way, so the page is in view.
    await menu(page).waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.waitForLoadState('networkidle');
    await assertNoOverflow(page, `${who}: ${name}`);
  }
  return names;
}

describe('navigation: a grouped menu that fits 360 px for every role; every page fits too', () => {
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

  it('every staff role: the menu and each page it opens fit the screen', async () => {
    for (const account of server.demoAccounts.filter((a) => a.role !== 'citizen')) {
      const { context, page } = await newPage(browser, server.url);
      await withScreenshot(page, `nav-${account.role}`, async () => {
        await signInStaff(page, account);
        const names = await walkMenu(page, account.role);
        assert.ok(names.includes('Trang chủ'), `${account.role}: the menu leads home`);
      });
      await context.close();
    }
  });

  it('a citizen who staffs no point sees no staff scanner; one who does, sees it', async () => {
    const plain = randomPhone();
    await citizenWithRecord(server, plain, 'Ngô Thị Hoa');
    const staffPhone = randomPhone();
    await citizenWithRecord(server, staffPhone, 'Đinh Văn Toàn');
    const { session, venueId } = await managerWithVenue(server, `Quán thử ${Date.now() % 10000}`);
    await session.request('POST', `/api/venues/${venueId}/staff`, { phone: staffPhone });

    for (const [phone, scanner] of [
      [plain, false],
      [staffPhone, true],
    ] as const) {
      const { context, page } = await newPage(browser, server.url);
      await withScreenshot(page, `nav-citizen-${scanner}`, async () => {
        await signInCitizenUi(page, server, phone);
        const names = await walkMenu(page, `citizen (staff: ${scanner})`);
        assert.equal(names.includes('Quét mã khách'), scanner);
        // Nor does the home page offer it.
        await page.goto('/');
        await page.getByRole('heading', { level: 1 }).waitFor();
        assert.equal(await page.getByRole('link', { name: 'Quét mã khách' }).count(), scanner ? 1 : 0);
      });
      await context.close();
    }
  });
});
