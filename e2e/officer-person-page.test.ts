import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, newPage, withScreenshot } from './support/browser';
import { citizenWithRecord, managerWithVenue, randomPhone, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';
import { labWorld, receivedTubes, release } from './support/lab-tubes';
import { apiAs } from './support/api';

// A suffix no demo person has, so the search finds exactly the record this test made.
const tag = ['Quỳnh', 'Diệp', 'Thư', 'Ánh'][Math.floor(Math.random() * 4)] ?? 'Quỳnh';
const fullName = `Lê Thị Mai ${tag}`;

/** The officer's way to a person: the people search from the menu, by name, then the result. */
async function openPerson(page: Page, personId: string): Promise<void> {
  await openFromMenu(page, 'Tra cứu người dân');
  await page.getByLabel('Họ và tên').fill(fullName);
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.locator(`a[href="/people/${personId}"]`).click();
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ người dân' }).waitFor();
}

describe("commune officer: a person's page and a point's visitors (360 px)", () => {
  let server: TestServer;
  let browser: Browser;
  let personId: string;
  let venueId: string;
  const venueName = `Quầy truy vết ${Date.now() % 10000}`;

  before(async () => {
    server = await startServer();
    browser = await launchBrowser();
    // In Phúc Xá: a citizen checks in at a point and declares a cough (status yellow with its reason).
    const citizen = await citizenWithRecord(server, randomPhone(), fullName);
    personId = citizen.personId;
    const venue = await managerWithVenue(server, venueName);
    venueId = venue.venueId;
    const { token } = await venue.session.request<{ token: string }>('GET', `/api/venues/${venueId}/qr`);
    await citizen.session.request('POST', '/api/checkins', {
      id: randomUUID(),
      venueToken: token,
      deviceTime: new Date().toISOString(),
    });
    await citizen.session.request('POST', '/api/declarations', {
      kind: 'domestic',
      answers: {
        symptoms: ['cough'],
        contact_case: false,
        contact_outbreak_area: false,
        contact_symptomatic: false,
      },
    });
  });
  before(async () => {
    // The citizen's sample goes through the lab: a negative RT-PCR result is released.
    const w = await labWorld(server);
    const [tube] = await receivedTubes(w, [[personId]]);
    await release(w, [[tube!, 'negative']]);
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it("shows the person's status colour with its reasons, and the released test result", async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'person-page-status', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openPerson(page, personId);
      const section = page.getByRole('region', { name: 'Màu trạng thái' });
      const band = section.getByTestId('person-band');
      await band.waitFor();
      assert.equal(await band.getAttribute('data-colour'), 'yellow');
      const text = (await band.textContent()) ?? '';
      assert.match(text, /Vàng/);
      assert.match(text, /Đã khai báo có triệu chứng trong 14 ngày\./);
      // The released result is on the page too, in words.
      const results = page.getByRole('region', { name: 'Kết quả xét nghiệm' });
      const result = results.getByTestId('person-test-result');
      await result.waitFor();
      assert.match((await result.textContent()) ?? '', /Âm tính/);
      assert.match((await result.textContent()) ?? '', /RT-PCR/);
    });
    await context.close();
  });

  it('edits the record: a wrong CCCD (page) and a future birth date (server) are shown beside their fields; a good edit is saved and in the history', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'person-page-edit', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openPerson(page, personId);
      await page.getByRole('button', { name: 'Sửa hồ sơ' }).click();
      const form = page.getByRole('region', { name: 'Sửa hồ sơ' });
      assert.equal(
        await form.getByLabel('Họ và tên').inputValue(),
        fullName,
        'the form starts from the record',
      );
      // A CCCD too short: the page says so beside the field and sends nothing.
      const cccd = form.getByLabel('Số CCCD');
      await cccd.fill('00119');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await form.locator('input[name="cccd"][aria-invalid="true"]').waitFor();
      await cccd.fill('');
      // A birth date in the future only the server refuses: its message stands beside the field.
      await form.getByLabel('Ngày sinh').fill('2099-01-01');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await form.getByText('Ngày sinh ở tương lai.').waitFor();
      await form.locator('input[name="birthDate"][aria-invalid="true"]').waitFor();
      // The birth date is put back and the street changes.
      await form.getByLabel('Ngày sinh').fill('1992-04-05');
      await form.getByLabel('Địa chỉ (số nhà, đường, thôn)').fill('Số 12 Hàng Bún');
      await form.getByRole('button', { name: 'Lưu' }).click();
      await page.getByText('Đã lưu thay đổi.').waitFor();
      assert.match((await page.getByTestId('person-fields').textContent()) ?? '', /Số 12 Hàng Bún/);
      const history = page.getByRole('region', { name: 'Lịch sử thay đổi' });
      await history.getByText('Sửa hồ sơ').waitFor();
    });
    await context.close();
  });

  it('offers no edit on a record outside the area (masked)', async () => {
    const phone = randomPhone();
    const admin = await apiAs(server, 'national_admin');
    const outside = await admin.request<{ id: string }>('POST', '/api/people', {
      fullName: `Trần Văn Đức ${tag}`,
      birthYear: 1985,
      sex: 'male',
      communeCode: '26800',
      phones: [phone],
    });
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'person-page-masked', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await openFromMenu(page, 'Tra cứu người dân');
      await page.getByLabel('Số điện thoại').fill(phone);
      await page.getByRole('button', { name: 'Tìm kiếm' }).click();
      await page.locator(`a[href="/people/${outside.id}"]`).click();
      await page.getByText('Hồ sơ này ngoài địa bàn của bạn').waitFor();
      assert.equal(await page.getByRole('button', { name: 'Sửa hồ sơ' }).count(), 0);
    });
    await context.close();
  });

  it('lists who was at a point in a period, with links to their records', async () => {
    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'venue-visitors', async () => {
      await signInStaff(page, server.demoAccount('commune_officer', 'Phúc Xá'));
      await page.goto(`/venues/${venueId}`);
      await page.getByRole('heading', { level: 1, name: venueName }).waitFor();
      const section = page.getByRole('region', { name: 'Ai đã đến điểm này (truy vết)' });
      await section.getByRole('button', { name: 'Tìm' }).click();
      const row = section.getByTestId('venue-visitor').filter({ hasText: fullName });
      await row.waitFor();
      await row.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: 'Hồ sơ người dân' }).waitFor();
      assert.match(page.url(), new RegExp(`/people/${personId}$`));
    });
    await context.close();
  });
});
