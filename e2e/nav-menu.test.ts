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

/** Opens the menu and clicks an entry (no retry: a menu that closes by itself is a bug, see below). */
async function clickInMenu(page: Page, name: string): Promise<void> {
  if (!(await menu(page).isVisible())) await menuButton(page).click();
  await menu(page).getByRole('link', { name, exact: true }).click();
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
    // Three people at once, each in their own context: a page's wait for the network to go quiet is
    // mostly idle time, which the others' pages use.
    const queue = server.demoAccounts.filter((a) => a.role !== 'citizen');
    const walker = async () => {
      for (let account = queue.shift(); account; account = queue.shift()) {
        const { context, page } = await newPage(browser, server.url);
        const who = account.role;
        await withScreenshot(page, `nav-${who}`, async () => {
          await signInStaff(page, account);
          const names = await walkMenu(page, who);
          assert.ok(names.includes('Trang chủ'), `${who}: the menu leads home`);
        });
        await context.close();
      }
    };
    // Every walker finishes (or fails) before the test ends; the first failure is the test's.
    const ends = await Promise.allSettled([walker(), walker(), walker()]);
    const failed = ends.find((e): e is PromiseRejectedResult => e.status === 'rejected');
    if (failed) throw failed.reason;
  });

  it('a menu opened again while the tapped page is still loading stays open when the page arrives', async () => {
    // The cause of the panel once closing by itself under load: the router shows the new page in a
    // transition that waits for the page's code, and the page's late arrival closed the menu the
    // person had opened again. The page's code is held back here, as a slow network does.
    const phone = randomPhone();
    await citizenWithRecord(server, phone, 'Hà Thị Chậm');
    // No service worker: it would serve the page's code from its cache, past the hold.
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: MOBILE,
      locale: 'vi-VN',
      hasTouch: true,
      serviceWorkers: 'block',
    });
    const page = await context.newPage();
    await withScreenshot(page, 'nav-menu-late-page', async () => {
      await signInCitizenUi(page, server, phone);
      let release!: () => void;
      const held = new Promise<void>((resolve) => (release = resolve));
      let asked!: () => void;
      const wasAsked = new Promise<void>((resolve) => (asked = resolve));
      await page.route(/\/assets\/MyCheckinsPage-[\w-]+\.js$/, async (route) => {
        asked();
        await held;
        await route.continue();
      });
      await menuButton(page).click();
      await menu(page).getByRole('link', { name: 'Lịch sử đi lại', exact: true }).click();
      await menu(page).waitFor({ state: 'detached' });
      await wasAsked; // the page's code is on its way, held back

      await menuButton(page).click();
      await menu(page).waitFor();
      release();
      await page.getByRole('heading', { level: 1, name: 'Lịch sử đi lại' }).waitFor();
      await page.waitForLoadState('networkidle');
      assert.ok(await menu(page).isVisible(), 'the menu the person opened is still open');
      // And it still works as a menu: an entry opens its page and closes it.
      await menu(page).getByRole('link', { name: 'Mã QR của tôi', exact: true }).click();
      await menu(page).waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: 'Mã QR của tôi' }).waitFor();
    });
    await context.close();
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
