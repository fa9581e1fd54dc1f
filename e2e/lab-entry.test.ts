import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { DESKTOP, MOBILE, launchBrowser, newPage, withScreenshot } from './support/browser';
import { createPeople, labWorld, receivedTubes, type LabWorld } from './support/lab-tubes';
import { signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

interface Pending {
  barcode: string;
  result: string;
  ctValues?: Record<string, number>;
}

/**
 * Field report (issue #7 §1): following the page's own words ("scan the tube, or type and press Enter,
 * choose the result and save"), Enter saved tube A with the default "negative", and A's positive result,
 * still selected, was saved on tube B. A scan or Enter must only select the tube; each tube starts empty;
 * nothing is saved without an explicit choice, confirmed with the tube beside the value.
 */
describe('lab: manual entry, a scan only selects the tube (360 px and desk)', () => {
  let server: TestServer;
  let browser: Browser;
  let w: LabWorld;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    w = await labWorld(server);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pending = async (): Promise<Map<string, Pending>> => {
    const q = await w.tech.request<{ items: Pending[] }>('GET', '/api/lab/results/pending');
    return new Map(q.items.map((i) => [i.barcode, i]));
  };

  /** The scanner types the code and Enter into the tube field. */
  async function scan(page: Page, barcode: string): Promise<void> {
    const field = page.getByLabel('Mã ống mẫu');
    await field.click();
    await page.keyboard.type(barcode);
    await page.keyboard.press('Enter');
  }

  for (const [label, viewport] of [
    ['360 px', MOBILE],
    ['desk', DESKTOP],
  ] as const) {
    it(`tube A positive, tube B negative, tube C without a choice (${label})`, async () => {
      const people = await createPeople(w, [
        { fullName: 'Lê Văn An' },
        { fullName: 'Lê Thị Bé' },
        { fullName: 'Lê Văn Cường' },
      ]);
      const [a, b, c] = await receivedTubes(
        w,
        people.map((p) => [p]),
      );
      const { context, page } = await newPage(browser, server.url, viewport);
      await withScreenshot(page, `lab-entry-${label}`, async () => {
        await signInStaff(page, server.demoAccount('lab_technician'));
        await openFromMenu(page, 'Nhập kết quả');
        await page.getByRole('heading', { name: 'Nhập kết quả xét nghiệm' }).waitFor();

        // Tube A: scan + Enter selects it, saves nothing, and no result is chosen for it.
        await scan(page, a!);
        const selected = page.getByTestId('entry-tube');
        // Whatever the page does on Enter (select the tube, or save it as the old page did), wait for it.
        await selected
          .filter({ hasText: a! })
          .or(page.getByText(`Đã lưu ${a}`))
          .first()
          .waitFor();
        assert.equal((await pending()).has(a!), false, 'Enter on the tube field saved nothing');
        for (const name of ['Âm tính', 'Dương tính', 'Không xác định'])
          assert.equal(await page.getByRole('radio', { name }).isChecked(), false, `${name} not preselected`);

        await page.getByRole('radio', { name: 'Dương tính' }).check();
        await page.getByLabel('N', { exact: true }).fill('22,5');
        await page.getByRole('button', { name: 'Lưu kết quả' }).click();
        const confirm = page.getByTestId('entry-confirm');
        await confirm.waitFor();
        assert.match((await confirm.textContent()) ?? '', new RegExp(`${a}.*Dương tính`));
        await page.getByRole('button', { name: 'Xác nhận lưu' }).click();
        await page
          .getByTestId('entry-log')
          .filter({ hasText: `${a}: Dương tính` })
          .first()
          .waitFor();

        // Tube B: the form starts empty; A's positive and Ct are gone.
        await scan(page, b!);
        await selected.filter({ hasText: b! }).waitFor();
        assert.equal((await pending()).has(b!), false, 'Enter on the second tube saved nothing');
        assert.equal(await page.getByRole('radio', { name: 'Dương tính' }).isChecked(), false);
        assert.equal(await page.getByLabel('N', { exact: true }).inputValue(), '');
        await page.getByRole('radio', { name: 'Âm tính' }).check();
        await page.getByRole('button', { name: 'Lưu kết quả' }).click();
        assert.match((await confirm.textContent()) ?? '', new RegExp(`${b}.*Âm tính`));
        await page.getByRole('button', { name: 'Xác nhận lưu' }).click();
        await page
          .getByTestId('entry-log')
          .filter({ hasText: `${b}: Âm tính` })
          .first()
          .waitFor();

        // Tube C: Enter, then Save without a choice: refused, nothing saved.
        await scan(page, c!);
        await selected.filter({ hasText: c! }).waitFor();
        await page.getByRole('button', { name: 'Lưu kết quả' }).click();
        await page.getByText('Hãy chọn kết quả cho ống này').waitFor();
        assert.equal(await confirm.count(), 0);

        const saved = await pending();
        assert.equal(saved.get(a!)?.result, 'positive');
        assert.deepEqual(saved.get(a!)?.ctValues, { N: 22.5 });
        assert.equal(saved.get(b!)?.result, 'negative');
        assert.equal(saved.get(b!)?.ctValues, undefined, 'A’s Ct never reached B');
        assert.equal(saved.has(c!), false, 'no result without a choice');
      });
      await context.close();
    });
  }
});
