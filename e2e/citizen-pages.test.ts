import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import {
  citizenWithRecord,
  managerWithVenue,
  randomPhone,
  signInCitizenUi,
  signInStaff,
} from './support/checkin';
import { createPeople, labWorld, receivedTubes, release } from './support/lab-tubes';
import { openFromMenu } from './support/nav';

const suffix = ['Lan', 'Mai', 'Ngọc', 'Oanh'][Math.floor(Math.random() * 4)] ?? 'Lan';
const ownName = `Vũ Thị Hồng ${suffix}`;
const childName = `Vũ Minh Khôi ${suffix}`;

/** Nothing on the page is wider than the phone: no sideways scrolling. */
async function pageWidth(page: Page): Promise<number> {
  return page.locator('html').evaluate((el) => el.scrollWidth);
}

describe('citizen pages at 360 px: QR cards, nationality by name, nothing wider than the phone', () => {
  let server: TestServer;
  let browser: Browser;
  const phone = randomPhone();
  const certLast8 = String(Math.floor(10_000_000 + Math.random() * 89_999_999));
  const certPhone = `09${certLast8}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const { session } = await citizenWithRecord(server, phone, ownName);
    await session.request('POST', '/api/me/family', {
      fullName: childName,
      birthDate: '2016-03-08',
      sex: 'male',
      communeCode: '00001',
      relation: 'child',
    });
    // A second citizen with a negative result, for the certificate.
    const w = await labWorld(server);
    const [personId] = await createPeople(w, [
      { fullName: 'Ngô Thị Quyên', birthYear: 1988, phones: [certPhone] },
    ]);
    const [tube] = await receivedTubes(w, [[personId!]]);
    await release(w, [[tube!, 'negative']]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('from "my record" the citizen opens a printable QR card for themself and each relative', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-qr-cards', async () => {
      await signInCitizenUi(page, server, phone);
      await page.getByRole('link', { name: 'In thẻ QR của tôi và người thân' }).click();
      await page.getByRole('heading', { level: 1, name: 'Thẻ QR cá nhân' }).waitFor();
      const cards = page.getByTestId('qr-card');
      await cards.nth(1).waitFor();
      assert.equal(await cards.count(), 2);
      assert.match((await cards.nth(0).textContent()) ?? '', new RegExp(ownName));
      assert.match((await cards.nth(1).textContent()) ?? '', new RegExp(childName));
      for (const i of [0, 1]) {
        const img = cards.nth(i).getByRole('img', { name: 'Mã QR cá nhân' });
        await img.waitFor();
        const box = await img.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 360, `card ${i} QR fits the screen`);
      }
      await page.getByRole('button', { name: 'In' }).waitFor();
      assert.ok((await pageWidth(page)) <= 360, 'the cards page fits 360 px');
    });
    await context.close();
  });

  it('the personal QR page fits 360 px', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-my-qr-width', async () => {
      await signInCitizenUi(page, server, phone);
      await openFromMenu(page, 'Mã QR của tôi');
      await page.getByTestId('my-qr').waitFor();
      // The image's own size is only applied once it has loaded.
      await page.getByTestId('my-qr').evaluate((img) => (img as { decode(): Promise<void> }).decode());
      assert.ok((await pageWidth(page)) <= 360, `page is ${await pageWidth(page)} px wide`);
    });
    await context.close();
  });

  it('a relative’s nationality is picked by its name, typed without diacritics', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-nationality', async () => {
      await signInCitizenUi(page, server, phone);
      const name = `Tanaka Yui ${suffix}`;
      await page.getByRole('button', { name: 'Thêm người thân' }).click();
      await page.getByLabel('Họ và tên').fill(name);
      await page.getByLabel('Ngày sinh').fill('2019-05-01');
      // Việt Nam is chosen to start with; the citizen changes it by name, not by a code.
      const nationality = page.getByTestId('nationality-selected');
      assert.equal(await nationality.textContent(), 'Việt Nam');
      await page.getByRole('button', { name: 'Bỏ chọn' }).first().click();
      await page.getByRole('combobox', { name: 'Quốc tịch' }).fill('nhat ban');
      await page.getByRole('option', { name: 'Nhật Bản' }).click();
      assert.equal(await nationality.textContent(), 'Nhật Bản');
      const commune = page.getByRole('combobox', { name: /Xã\/phường/ });
      await commune.fill('Phúc Xá');
      await page
        .getByRole('option', { name: /Phúc Xá/ })
        .first()
        .click();
      assert.ok((await pageWidth(page)) <= 360, 'the form fits 360 px');
      await page.getByRole('button', { name: 'Thêm người thân' }).last().click();
      await page.getByTestId('family-member').filter({ hasText: name }).waitFor();
      const me = (await (await page.request.get('/api/me/person')).json()) as {
        family: { fullName: string; nationality: string }[];
      };
      assert.equal(me.family.find((m) => m.fullName === name)?.nationality, 'JP');
    });
    await context.close();
  });

  it('the certificate identifier (UVCI) wraps inside 360 px', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'citizen-certificate-width', async () => {
      await signInCitizenUi(page, server, certPhone);
      await openFromMenu(page, 'Kết quả xét nghiệm');
      const result = page.getByTestId('my-result').first();
      await result.getByRole('button', { name: 'Mở chứng nhận' }).click();
      const uvci = page.getByTestId('certificate').getByTestId('uvci');
      await uvci.waitFor();
      const box = await uvci.boundingBox();
      assert.ok(box && box.x + box.width <= 360, 'the UVCI stays on screen');
      assert.ok((await pageWidth(page)) <= 360, `page is ${await pageWidth(page)} px wide`);
    });
    await context.close();
  });

  it('after a check-in on a phone the result is scrolled into view and announced', async () => {
    const { session: manager, venueId } = await managerWithVenue(server, `Tiệm bánh ${suffix}`);
    const { token } = await manager.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
    // A phone with its camera open: Chromium's fake camera, so the video takes its place above the field.
    const camBrowser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
    });
    try {
      const { context, page } = await newPage(camBrowser, server.url);
      await context.grantPermissions(['camera']);
      await withScreenshot(page, 'citizen-checkin-in-view', async () => {
        await signInCitizenUi(page, server, phone);
        await openFromMenu(page, 'Quét mã điểm');
        await page.getByRole('button', { name: 'Bật camera' }).click();
        await page.locator('video').waitFor();
        await page.getByRole('button', { name: 'Tắt camera' }).waitFor();
        // The picture's box is reserved before the first frame: a stream that starts later must not
        // move the field and the result below it (it pushed a result off the screen on a slow phone).
        const before = await page.locator('video').boundingBox();
        await page.waitForFunction("(document.querySelector('video')?.videoWidth ?? 0) > 0");
        const after = await page.locator('video').boundingBox();
        assert.equal(
          Math.round(after!.height),
          Math.round(before!.height),
          'the camera box keeps its height',
        );
        await page.getByLabel('Dán mã điểm').fill(token);
        await page.getByLabel('Dán mã điểm').press('Enter');
        const done = page.getByRole('status').filter({ hasText: `Tiệm bánh ${suffix}` });
        await done.waitFor();
        // The page scrolls the result into view just after it renders: wait for that, then measure.
        // boundingBox is relative to the viewport: on screen means inside 0…740, give or take the
        // fraction of a pixel that scrolling to a fractional layout position rounds away.
        const onScreen = (b: { y: number; height: number } | null) =>
          !!b && b.y >= -1 && b.y + b.height <= 741;
        let box = await done.boundingBox();
        for (let i = 0; i < 30 && !onScreen(box); i++) {
          await page.waitForTimeout(100);
          box = await done.boundingBox();
        }
        assert.ok(onScreen(box), `result at y=${box?.y}`);
      });
      await context.close();
    } finally {
      // A failed step must not leave this second browser open: it keeps the test process alive.
      await camBrowser.close();
    }
  });

  it('a district officer creating a testing session picks the commune by name', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sessions-commune-picker', async () => {
      await signInStaff(page, server.demoAccount('district_officer'));
      await page.goto('/testing/sessions');
      await page.getByRole('heading', { name: 'Tạo đợt mới' }).waitFor();
      const name = `Đợt Phúc Xá ${Date.now()}`;
      await page.getByLabel('Tên đợt').fill(name);
      await page.getByRole('combobox', { name: 'Xã/phường' }).fill('phuc xa');
      await page
        .getByRole('option', { name: /Phúc Xá/ })
        .first()
        .click();
      await page.getByTestId('communeCode-selected').filter({ hasText: 'Phúc Xá' }).waitFor();
      await page.getByRole('button', { name: 'Tạo đợt' }).click();
      await page.getByRole('link', { name }).waitFor();
    });
    await context.close();
  });
});
