import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startServer, type DemoAccount, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { createPeople, labWorld, receivedTubes, release, type LabWorld } from './support/lab-tubes';
import { openFromMenu } from './support/nav';

async function signInStaff(page: Page, account: DemoAccount): Promise<void> {
  await page.goto('/sign-in');
  await page.getByRole('tab', { name: 'Cán bộ' }).click();
  await page.getByLabel('Tên đăng nhập').fill(account.login);
  await page.getByLabel('Mật khẩu').fill(account.secret);
  await page.getByRole('button', { name: 'Đăng nhập' }).last().click();
  await page.getByRole('heading', { name: /Xin chào/ }).waitFor();
}

describe('lab: upload with one bad row, release, and the re-test of a positive pool (360 px)', () => {
  let server: TestServer;
  let browser: Browser;
  let w: LabWorld;
  let pool: string[];
  let tubes: string[];

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    w = await labWorld(server);
    pool = await createPeople(w, [
      { fullName: 'Đỗ Thị Lan' },
      { fullName: 'Đỗ Văn Minh' },
      { fullName: 'Đỗ Thị Ngọc' },
    ]);
    const single = await createPeople(w, [{ fullName: 'Vũ Văn Phúc' }]);
    tubes = await receivedTubes(w, [pool, single]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('uploads a CSV: the bad row is listed, the others land; the supervisor releases them', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'lab-upload', async () => {
      await signInStaff(page, server.demoAccount('lab_technician'));
      await openFromMenu(page, 'Tải tệp kết quả');
      await page.getByText('Cách ghép cột của phòng').click();
      await page.getByLabel('Cột mã ống').fill('Barcode');
      await page.getByLabel('Cột kết quả').fill('Result');
      await page.getByRole('button', { name: 'Lưu cách ghép cột' }).click();
      await page.getByText('Đã lưu cách ghép cột.').waitFor();

      const dir = mkdtempSync(path.join(tmpdir(), 'pd-lab-'));
      const file = path.join(dir, 'ket-qua.csv');
      writeFileSync(
        file,
        `\uFEFFBarcode,Result\r\n${tubes[0]},POS\r\nKHONG-CO-ONG,NEG\r\n\r\n${tubes[1]},Âm tính\r\n`,
      );
      await page.getByLabel('Tệp kết quả').setInputFiles(file);
      await page.getByRole('button', { name: 'Tải lên' }).click();
      const status = page.getByTestId('upload-status');
      await status.filter({ hasText: 'Hoàn tất' }).waitFor();
      assert.match((await status.textContent()) ?? '', /3\/3 dòng, 1 dòng lỗi/);
      const error = page.getByTestId('upload-error');
      assert.equal(await error.count(), 1);
      assert.match((await error.textContent()) ?? '', /^3\s*TUBE_UNKNOWN/);
    });
    await context.close();

    const sup = await newPage(browser, server.url);
    await withScreenshot(sup.page, 'lab-release', async () => {
      await signInStaff(sup.page, server.demoAccount('lab_supervisor'));
      await openFromMenu(sup.page, 'Duyệt kết quả');
      const items = sup.page.getByTestId('pending-result');
      await items.first().waitFor();
      assert.equal(await items.count(), 2);
      await sup.page.getByLabel('Chọn tất cả').check();
      await sup.page.getByRole('button', { name: 'Duyệt và trả 2 kết quả' }).click();
      // Before anything goes out, the supervisor sees what: pools and individual tubes apart.
      assert.match(
        (await sup.page.getByTestId('summary-single').textContent()) ?? '',
        /Mẫu đơn: 0 dương tính, 1 âm tính/,
      );
      assert.match(
        (await sup.page.getByTestId('summary-pools').textContent()) ?? '',
        /Mẫu gộp: 1 dương tính \(3 người cần lấy mẫu đơn\), 0 âm tính/,
      );
      await sup.page.getByRole('button', { name: 'Xác nhận trả 2 kết quả' }).click();
      await sup.page.getByText('Đã trả 2 kết quả.').waitFor();
    });
    await sup.context.close();
  });

  it('the positive pool puts each member on the worklist for a re-test; individual results close it', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'lab-retest', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto('/worklist');
      const items = page.getByTestId('worklist-item').filter({ hasText: 'Mẫu gộp dương tính' });
      await items.first().waitFor();
      assert.equal(await items.count(), 3);

      const colour = async (id: string) =>
        (await w.officer.request<{ colour: string }>('GET', `/api/people/${id}/status`)).colour;
      assert.equal(await colour(pool[0]!), 'yellow', 'pending re-test');
      const retests = await receivedTubes(w, [[pool[0]!], [pool[1]!], [pool[2]!]]);
      await release(w, [
        [retests[0]!, 'negative'],
        [retests[1]!, 'negative'],
        [retests[2]!, 'positive'],
      ]);
      const pending = await w.officer.request<{ items: { kind: string }[] }>(
        'GET',
        '/api/worklist?kind=test_positive',
      );
      assert.equal(pending.items.length, 1, 'the one positive member now has a positive-result item');
      assert.deepEqual(
        [await colour(pool[0]!), await colour(pool[1]!), await colour(pool[2]!)],
        ['green', 'green', 'red'],
        'individual results closed the re-tests',
      );
      await page.reload();
      await page
        .getByTestId('worklist-item')
        .filter({ hasText: 'Ca xét nghiệm dương tính' })
        .first()
        .waitFor();
    });
    await context.close();
  });
});
