import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { apiAs, type ApiSession } from './support/api';
import { signInStaff } from './support/checkin';

interface Tube {
  count: number;
  members: { personId: string }[];
}

/** A CCCD agreeing with a 1990s male birth in Hà Nội: 001 + century/sex 0 + year + 6-digit serial. */
const cccd = (year: number) =>
  `0010${String(year % 100)}${String(Math.floor(100_000 + Math.random() * 899_999))}`;
const today = () => new Date().toISOString().slice(0, 10);

/** The scanner types the code and Enter into the focused field. */
async function scan(page: Page, label: RegExp | string, code: string): Promise<void> {
  await page.getByLabel(label).click();
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

/**
 * Field report: on the sampler page a scan in the person field ends with Enter, which linked the person to
 * whatever barcode the tube field still held from the previous person; the sample type defaulted silently;
 * the sessions form kept the last session's choices; the shipment page preselected every sealed tube.
 */
describe('sampling pages: nothing carries over to the next record unseen (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let officer: ApiSession;
  let sampler: ApiSession;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    sampler = await apiAs(server, 'sampler');
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function world(poolSize: number, tubes: number, names: string[]) {
    const session = await officer.request<{ id: string }>('POST', '/api/testing/sessions', {
      name: `Lấy mẫu gộp ${Date.now()}`,
      kind: 'mass',
      testType: 'rt_pcr',
      communeCode: '00001',
      date: today(),
      poolSize,
    });
    const { barcodes } = await sampler.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
      count: tubes,
      testType: 'rt_pcr',
      sessionId: session.id,
    });
    const people: { id: string; cccd: string }[] = [];
    for (const [i, fullName] of names.entries()) {
      const code = cccd(1991 + i);
      const p = await officer.request<{ id: string }>('POST', '/api/people', {
        fullName,
        birthYear: 1991 + i,
        sex: 'male',
        communeCode: '00001',
        cccd: code,
      });
      people.push({ id: p.id, cccd: code });
    }
    return { session, barcodes, people };
  }
  const members = async (barcode: string) =>
    (await sampler.request<Tube>('GET', `/api/testing/tubes/${barcode}`)).members.map((m) => m.personId);

  async function openSampler(page: Page, sessionId: string) {
    await signInStaff(page, server.demoAccount('sampler'));
    await page.goto('/sampling');
    await page.locator(`#sample-session option[value="${sessionId}"]`).waitFor({ state: 'attached' });
    await page.locator('#sample-session').selectOption(sessionId);
  }

  it('a person scan + Enter only selects the person; the tube in use is shown with its count', async () => {
    const { session, barcodes, people } = await world(3, 2, ['Đỗ Văn Một', 'Đỗ Văn Hai', 'Đỗ Văn Ba']);
    const [t1, t2] = barcodes as [string, string];
    const [a, b, c] = people as [(typeof people)[0], (typeof people)[0], (typeof people)[0]];
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-carryover-pool', async () => {
      await openSampler(page, session.id);
      await page.getByLabel('Loại mẫu').selectOption({ label: 'Dịch họng' });

      // Person A, then tube 1, each scanned with its Enter; then the explicit link.
      await scan(page, /Mã người/, a.cccd);
      await scan(page, 'Mã ống', t1);
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t1}: 0/3` })
        .waitFor();
      const link = page.getByRole('button', { name: /Gắn .*vào ống/ });
      await link.click();
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t1}: 1/3` })
        .waitFor();
      assert.deepEqual(await members(t1), [a.id]);

      // Person B scanned with Enter: selected, shown, and not linked to anything yet.
      await scan(page, /Mã người/, b.cccd);
      await page
        .getByText(`Người được lấy mẫu: ${b.cccd}`)
        .or(page.getByTestId('current-tube').filter({ hasText: '2/3' }))
        .first()
        .waitFor();
      assert.deepEqual(await members(t1), [a.id], 'Enter in the person field linked nobody');
      // The tube that B would go into is on the screen, with its count, before the sampler links.
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t1}: 1/3` })
        .waitFor();
      assert.match((await link.textContent()) ?? '', new RegExp(`${t1}.*1/3`));
      await link.click();
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t1}: 2/3` })
        .waitFor();

      // A new tube is a deliberate scan; C goes into it, not into tube 1.
      await scan(page, 'Mã ống', t2);
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t2}: 0/3` })
        .waitFor();
      await scan(page, /Mã người/, c.cccd);
      await page.getByText(`Người được lấy mẫu: ${c.cccd}`).waitFor();
      assert.match((await link.textContent()) ?? '', new RegExp(t2));
      await link.click();
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t2}: 1/3` })
        .waitFor();
    });
    assert.deepEqual((await members(t1)).sort(), [a.id, b.id].sort());
    assert.deepEqual(await members(t2), [c.id]);
    await context.close();
  });

  it('the sample type is chosen explicitly for the session and shown; none is preselected', async () => {
    const { session, barcodes, people } = await world(1, 1, ['Đỗ Thị Bốn']);
    const [t1] = barcodes as [string];
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-carryover-type', async () => {
      await openSampler(page, session.id);
      assert.equal(await page.getByLabel('Loại mẫu').inputValue(), '', 'no sample type preselected');
      await scan(page, /Mã người/, people[0]!.cccd);
      await scan(page, 'Mã ống', t1);
      await page
        .getByTestId('current-tube')
        .filter({ hasText: `Ống ${t1}: 0/1` })
        .waitFor();
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      await page.getByTestId('sample-message').filter({ hasText: 'Chọn loại mẫu' }).waitFor();
      assert.deepEqual(await members(t1), [], 'nothing linked without a sample type');
      await page.getByLabel('Loại mẫu').selectOption({ label: 'Nước bọt' });
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      // The sample type shows as soon as it is chosen; the count moves when the server has the link.
      await page
        .getByTestId('current-tube')
        .filter({ hasText: 'Nước bọt' })
        .filter({ hasText: `Ống ${t1}: 1/1` })
        .waitFor();
    });
    assert.deepEqual(await members(t1), [people[0]!.id]);
    await context.close();
  });

  it('after creating a session the form starts again from its defaults', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-carryover-sessions', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto('/testing/sessions');
      await page.getByRole('heading', { name: 'Tạo đợt mới' }).waitFor();
      const defaults = {
        kind: await page.locator('#s-kind').inputValue(),
        type: await page.locator('#s-type').inputValue(),
        date: await page.locator('#s-date').inputValue(),
      };
      const name = `Đợt khoanh vùng ${Date.now()}`;
      await page.getByLabel('Tên đợt').fill(name);
      await page.getByLabel('Loại đợt').selectOption({ label: 'Khoanh vùng' });
      await page.getByLabel('Loại xét nghiệm').selectOption({ label: 'Test nhanh kháng nguyên' });
      await page.getByLabel('Ngày lấy mẫu').fill('2026-12-24');
      await page.getByLabel('Số người gộp mỗi ống (1–10)').fill('5');
      await page.getByRole('button', { name: 'Tạo đợt' }).click();
      await page.getByRole('link', { name }).waitFor();
      assert.equal(await page.getByLabel('Tên đợt').inputValue(), '');
      assert.equal(await page.locator('#s-kind').inputValue(), defaults.kind, 'kind reset');
      assert.equal(await page.locator('#s-type').inputValue(), defaults.type, 'test type reset');
      assert.equal(await page.locator('#s-date').inputValue(), defaults.date, 'date reset');
      assert.equal(await page.locator('#s-pool').inputValue(), '', 'pool size reset');
    });
    await context.close();
  });

  it('shipping: no tube preselected, "select all" is explicit, the count is confirmed', async () => {
    const { session, barcodes, people } = await world(1, 3, ['Đỗ Văn Năm', 'Đỗ Văn Sáu', 'Đỗ Văn Bảy']);
    for (const [i, p] of people.entries())
      await sampler.request('POST', '/api/testing/samples', {
        id: crypto.randomUUID(),
        barcode: barcodes[i],
        personId: p.id,
        sessionId: session.id,
        sampleType: 'nasal',
        collectedAt: new Date().toISOString(),
      });
    const [t1, t2, t3] = barcodes as [string, string, string];
    const carrier = `Xe máy ${Date.now()}`;
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampling-carryover-shipments', async () => {
      await signInStaff(page, server.demoAccount('sampler'));
      await page.goto('/testing/shipments');
      await page.locator(`#ship-session option[value="${session.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#ship-session').selectOption(session.id);
      const box = (b: string) => page.getByRole('checkbox', { name: new RegExp(b) });
      await box(t3).waitFor();
      for (const b of [t1, t2, t3]) assert.equal(await box(b).isChecked(), false, `${b} not preselected`);
      await page.getByRole('button', { name: /Chọn tất cả/ }).click();
      for (const b of [t1, t2, t3]) assert.equal(await box(b).isChecked(), true, `${b} selected by "all"`);
      await box(t3).click();
      await page.getByLabel('Phòng xét nghiệm').selectOption({ index: 1 });
      await page.getByLabel('Người/xe vận chuyển').fill(carrier);
      await page.getByRole('button', { name: 'Tạo phiếu gửi (2 ống)' }).click();
      const confirm = page.getByRole('alertdialog');
      await confirm.waitFor();
      // On a phone the confirmation must be on screen after the tap, not below the fold.
      const inView = async () => {
        const box = await confirm.boundingBox();
        return !!box && box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
      };
      for (let i = 0; i < 20 && !(await inView()); i++) await page.waitForTimeout(100);
      assert.ok(await inView(), 'the confirmation is scrolled into view');
      assert.match((await confirm.textContent()) ?? '', /2 ống/);
      const before = await sampler.request<{ items: { carrier: string }[] }>('GET', '/api/testing/shipments');
      assert.equal(
        before.items.filter((m) => m.carrier === carrier).length,
        0,
        'nothing sent before confirming',
      );
      await confirm.getByRole('button', { name: /Xác nhận gửi/ }).click();
      await page.getByText(carrier).first().waitFor();
    });
    const sent = await sampler.request<{ items: { carrier: string; tubes: { barcode: string }[] }[] }>(
      'GET',
      '/api/testing/shipments',
    );
    const mine = sent.items.filter((m) => m.carrier === carrier);
    assert.equal(mine.length, 1);
    assert.deepEqual(mine[0]!.tubes.map((t) => t.barcode).sort(), [t1, t2].sort());
    await context.close();
  });
});
