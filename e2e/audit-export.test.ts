// Issue #7 §3: the audit log can be filtered by person name or ID number and by account name, and the
// CSV export is of the search shown: same filters, none of them in a URL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, DESKTOP, newPage, withScreenshot } from './support/browser';
import { openFromMenu } from './support/nav';
import { apiAs } from './support/api';
import { signInStaff } from './support/checkin';

describe('national admin: the audit CSV export follows the search filters', () => {
  let server: TestServer;
  let browser: Browser;
  let personId: string;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
    personId = (
      await officer.request<{ id: string }>('POST', '/api/people', {
        fullName: 'Đoàn Thị Xuất Tệp',
        birthYear: 1984,
        sex: 'female',
        communeCode: '00001',
      })
    ).id;
    await officer.request('GET', `/api/people/${personId}`);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('exports only the rows of the person searched by name, and puts the name in no URL', async () => {
    const { context, page } = await newPage(browser, server.url, DESKTOP);
    await withScreenshot(page, 'audit-export', async () => {
      await signInStaff(page, server.demoAccount('national_admin'));
      await openFromMenu(page, 'Nhật ký truy cập');
      const urls: string[] = [];
      page.on('request', (r) => urls.push(r.url()));

      await page.getByLabel('Họ tên người dân').fill('doan thi xuat tep');
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      const rows = page.locator('tbody tr');
      // The first page shows the 50 newest entries; the person's own are a handful.
      await page.waitForFunction(
        "(() => { const n = document.querySelectorAll('tbody tr').length; return n >= 2 && n < 10; })()",
      );
      const shown = await rows.count();

      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Tải CSV' }).click(),
      ]);
      assert.match(download.suggestedFilename(), /^audit-\d{4}-\d{2}-\d{2}\.csv$/);
      const csv = fs.readFileSync((await download.path())!, 'utf8');
      const lines = csv
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n');
      const header = lines[0]!.split(',').map((h) => JSON.parse(h) as string);
      const personCol = header.indexOf('personId');
      assert.ok(personCol >= 0, lines[0]);
      const body = lines.slice(1);
      assert.equal(body.length, shown, 'the export has the rows the search shows');
      for (const line of body) assert.equal(JSON.parse(line.split(',')[personCol]!), personId, line);
      assert.ok(!urls.some((u) => /doan|xuat/i.test(decodeURIComponent(u))), 'the name is in no request URL');
    });
    await context.close();
  });
});
