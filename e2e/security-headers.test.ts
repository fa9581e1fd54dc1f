import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { MOBILE, withScreenshot } from './support/browser';
import { signInStaff } from './support/checkin';

/** Every CSP violation the page reports, from the DOM event and the console alike. */
async function watchViolations(page: Page): Promise<string[]> {
  const seen: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to/i.test(m.text())) seen.push(m.text());
  });
  await page.exposeFunction('__cspViolation', (v: string) => seen.push(v));
  // Runs in the page (a string: this file is type-checked without the DOM library).
  await page.addInitScript({
    content: `document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolation(e.violatedDirective + ' ' + e.blockedURI));`,
  });
  return seen;
}

describe('the web app under its Content-Security-Policy (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
    // A fake camera, allowed without a prompt, so the scanner really opens one.
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--use-fake-device-for-media-stream',
        '--use-fake-ui-for-media-stream',
      ],
    });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the administrator signs in with two factors, opens the audit log and the camera scanner; nothing is blocked', async () => {
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: MOBILE,
      locale: 'vi-VN',
      hasTouch: true,
      permissions: ['camera'],
    });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    const violations = await watchViolations(page);
    await withScreenshot(page, 'csp-admin', async () => {
      const first = await page.goto('/sign-in');
      assert.match(first!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      await signInStaff(page, server.demoAccount('national_admin'));
      await page.goto('/audit');
      await page.getByTestId('audit-row').first().waitFor();
      await page.goto('/scan');
      await page.getByRole('button', { name: 'Bật camera' }).click();
      // The fake camera's frames are playing in the scanner's video.
      // A function, not a string: a string predicate is run by eval, which the page's CSP refuses.
      await page.waitForFunction(() => {
        type Video = { readyState: number; paused: boolean };
        const doc = (globalThis as unknown as { document: { querySelector(s: string): Video | null } })
          .document;
        const v = doc.querySelector('video');
        return !!v && v.readyState >= 2 && !v.paused;
      });
      assert.equal(await page.getByText('Không mở được camera').count(), 0);
    });
    assert.deepEqual(violations, []);
    await context.close();
  });
});
