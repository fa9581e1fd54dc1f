import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** A cheap phone's screen: the size every main path must work at. */
export const MOBILE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 800 };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ARGS,
  });
}

/** A fresh context (own cookies) with a page at the given viewport, Vietnamese by default. */
export async function newPage(
  browser: Browser,
  baseURL: string,
  viewport = MOBILE,
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport,
    locale: 'vi-VN',
    hasTouch: viewport === MOBILE,
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  return { context, page };
}

/**
 * Runs a browser step; on failure saves a screenshot to /tmp (named after the test) before rethrowing,
 * so a red run can be looked at.
 */
export async function withScreenshot<T>(page: Page, name: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const file = `/tmp/e2e-failure-${name.replace(/[^a-z0-9-]+/gi, '-')}-${Date.now()}.png`;
    await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
    console.error(`screenshot saved: ${file}`);
    throw err;
  }
}

/** Waits until the locator matches exactly n elements (count() alone does not wait for a re-render). */
export async function waitForCount(locator: Locator, n: number): Promise<void> {
  if (n > 0) await locator.nth(n - 1).waitFor();
  await locator.nth(n).waitFor({ state: 'detached' });
}

/** Does the element fit a screen this wide: no horizontal overflow inside it, nor past the right edge? */
export async function fitsWidth(locator: Locator, width: number): Promise<boolean> {
  const box = await locator.boundingBox();
  const noOverflow = await locator.evaluate((el) => el.scrollWidth <= el.clientWidth);
  return noOverflow && !!box && box.x + box.width <= width;
}
