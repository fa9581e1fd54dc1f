// Issue #9 item 5: the service worker is built from the web build (vite-plugin-pwa, src/sw.ts) and
// changes with every release. With release A installed and check-ins waiting in the offline queue,
// release B is deployed: the phone gets B's shell, also offline afterwards, and the queued check-in
// survives the upgrade and is sent once.
//
// Release B is release A with one changed file, as the build makes it: index.html changed, and the
// service worker's precache list carrying that file's new revision (nothing else differs).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { repoRoot, startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone } from './support/checkin';
import { openFromMenu } from './support/nav';

const RELEASE_B = '<meta name="phongdich-release" content="B" />';

/** Deploys "release B" into the live folder: a changed index.html and its new precache revision. */
function deployReleaseB(live: string): void {
  const indexPath = path.join(live, 'index.html');
  const html = fs.readFileSync(indexPath, 'utf8').replace('<head>', `<head>\n    ${RELEASE_B}`);
  fs.writeFileSync(indexPath, html);
  for (const ext of ['.br', '.gz']) fs.rmSync(indexPath + ext, { force: true }); // stale copies
  const swPath = path.join(live, 'sw.js');
  const sw = fs.readFileSync(swPath, 'utf8');
  const revision = createHash('md5').update(html).digest('hex');
  const next = sw.replace(
    /"revision":"[0-9a-f]+","url":"index.html"/,
    `"revision":"${revision}","url":"index.html"`,
  );
  assert.notEqual(next, sw, 'the precache list names index.html');
  fs.writeFileSync(swPath, next);
  for (const ext of ['.br', '.gz']) fs.rmSync(swPath + ext, { force: true });
}

describe('service worker: a new release replaces the shell; the offline queue survives (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  const live = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-web-release-'));

  before(async () => {
    fs.cpSync(path.join(repoRoot, 'apps/web/dist'), live, { recursive: true });
    process.env.PHONGDICH_WEB_DIST = live;
    server = await startServer();
    delete process.env.PHONGDICH_WEB_DIST;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(live, { recursive: true, force: true });
  });

  it('release A with a queued check-in, release B deployed: B shell, offline too, the check-in sent once', async () => {
    const me = await citizenWithRecord(server, randomPhone(), 'Phan Thị Nâng Cấp');
    const { session: manager, venueId } = await managerWithVenue(server, 'Quầy Phiên Bản');
    const { token } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
    const context = await browser.newContext({
      baseURL: server.url,
      viewport: MOBILE,
      locale: 'vi-VN',
      hasTouch: true,
      serviceWorkers: 'allow',
    });
    context.setDefaultTimeout(20_000);
    const { hostname } = new URL(server.url);
    await context.addCookies(me.session.cookies().map((c) => ({ ...c, domain: hostname, path: '/' })));
    const page = await context.newPage();
    const controlled = () =>
      page.waitForFunction('navigator.serviceWorker.controller !== null', null, { timeout: 30_000 });
    const release = () =>
      page.evaluate<string | null>(
        `document.querySelector('meta[name="phongdich-release"]')?.content ?? null`,
      );
    const visits = async () =>
      (await me.session.request<{ items: { venueId: string }[] }>('GET', '/api/me/checkins')).items.length;

    await withScreenshot(page, 'sw-upgrade', async () => {
      // Release A, installed.
      await page.goto('/me');
      await controlled();
      await page.waitForLoadState('networkidle');
      await openFromMenu(page, 'Quét mã điểm');
      assert.equal(await release(), null, 'release A');

      // Offline: a check-in waits in the queue.
      await context.setOffline(true);
      await page.getByLabel('Dán mã điểm').fill(token);
      await page.getByLabel('Dán mã điểm').press('Enter');
      await page.getByText('Đang ngoại tuyến: lượt quét được lưu trên máy').waitFor();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 1' }).waitFor();

      // Release B is deployed while the phone is offline; the queue may not be sent before B is in.
      deployReleaseB(live);
      await context.route('**/api/checkins/batch', (route) => route.abort('internetdisconnected'));
      await context.setOffline(false);
      // The browser looks for a new worker on every navigation; update() is that check without one.
      // Release B's worker installs (downloading what changed) and takes over the open page at once
      // (skipWaiting + clientsClaim): the page sees its controller change. Only then does a reload
      // get B's shell; a reload while B is still installing is answered by A's worker, with A.
      // (waitForFunction does not await a promise: a predicate returning one passes at once, which
      // is why an earlier version of this test raced B's installation and failed on a busy machine.)
      await page.evaluate(`
          navigator.serviceWorker.addEventListener('controllerchange', () => { window.__pdReleaseChanged = true; }, { once: true });
          navigator.serviceWorker.getRegistration().then((r) => r.update());
        `);
      await page.waitForFunction('window.__pdReleaseChanged === true', null, { timeout: 30_000 });
      await page.reload();
      await page.waitForFunction(`!!document.querySelector('meta[name="phongdich-release"]')`, null, {
        timeout: 30_000,
      });
      assert.equal(await release(), 'B', "release B's shell");
      assert.equal(await visits(), 0, 'nothing sent yet');

      // Offline again: still B's shell, from the cache, and the check-in still waiting.
      await context.setOffline(true);
      await page.reload();
      assert.equal(await release(), 'B', "B's shell offline");
      await page.getByRole('heading', { level: 1 }).first().waitFor();
      await openFromMenu(page, 'Quét mã điểm');
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 1' }).waitFor();

      // The network returns: the check-in is sent, once.
      await context.unroute('**/api/checkins/batch');
      await context.setOffline(false);
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor({ timeout: 45_000 });
      assert.equal(await visits(), 1, 'sent once');
      await page.reload();
      await page.getByTestId('pending-count').filter({ hasText: 'Chờ gửi: 0' }).waitFor();
      assert.equal(await visits(), 1, 'and not again');
    });
    await context.close();
  });
});
