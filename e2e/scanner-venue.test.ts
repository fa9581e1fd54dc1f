// Issue #7 §2: the venue staff scanner on a 360 × 740 phone. One venue: it is selected. Several: the
// staff member chooses; venue staff get no "lookup only" (they reach people only by scans at their point). The same visitor
// scanned again by another of their codes is the same visit. The decision shows without scrolling.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Locator } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { launchBrowser, MOBILE, newPage, withScreenshot } from './support/browser';
import { apiAs, ApiSession } from './support/api';
import { checkinsAt, otpFor, randomPhone, signInCitizenUi, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

const serial = () => String(Math.floor(100_000 + Math.random() * 899_999));

/** A visitor with a record that has a CCCD (female, 1992), signed in through the API. */
async function visitorWithCccd(server: TestServer, fullName: string) {
  const phone = randomPhone();
  const cccd = `001192${serial()}`;
  const s = new ApiSession(server.url);
  await s.request('POST', '/api/auth/otp/request', { phone });
  await s.request('POST', '/api/auth/otp/verify', { phone, code: await otpFor(server, phone) });
  const person = await s.request<{ id: string }>('POST', '/api/me/person', {
    fullName,
    birthDate: '1992-04-05',
    sex: 'female',
    communeCode: '00001',
    cccd,
  });
  const { token } = await s.request<{ token: string }>('GET', '/api/me/qr');
  const cardQr = `${cccd}||${fullName}|05041992|Nữ|Số 1 Phó Đức Chính, Ba Đình, Hà Nội|01012022`;
  return { personId: person.id, token, cardQr };
}

/** Points registered by the demo venue manager with `staffPhone` as staff, approved by the commune. */
async function venuesStaffedBy(server: TestServer, staffPhone: string, names: string[]) {
  const manager = await apiAs(server, 'venue_manager');
  const officer = await apiAs(server, 'commune_officer', 'Phúc Xá');
  const ids: string[] = [];
  for (const name of names) {
    const v = await manager.request<{ id: string }>('POST', '/api/venues', {
      kind: 'shop',
      name,
      communeCode: '00001',
      ownerPhone: randomPhone(),
      staffPhones: [staffPhone],
    });
    await officer.request('POST', `/api/venues/${v.id}/approve`);
    ids.push(v.id);
  }
  return { officer, ids };
}

/** Entirely on the first screen: the staff member sees it without scrolling. */
async function onFirstScreen(locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const scrollY = await locator.page().evaluate('window.scrollY');
  return !!box && scrollY === 0 && box.y >= 0 && box.y + box.height <= MOBILE.height;
}

describe('venue staff scanner (360 × 740)', () => {
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

  it('selects the one venue, records the visit once whichever code is scanned, decision on screen', async () => {
    const staffPhone = randomPhone();
    const { officer, ids } = await venuesStaffedBy(server, staffPhone, ['Tiệm bánh Một Điểm']);
    const venueId = ids[0]!;
    const visitor = await visitorWithCccd(server, 'Ngô Thị Hai Mã');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'scanner-one-venue', async () => {
      await signInCitizenUi(page, server, staffPhone);
      await openFromMenu(page, 'Quét mã khách');
      const venue = page.getByLabel('Điểm kiểm soát');
      await page.locator(`select[name="venue"] option[value="${venueId}"]`).waitFor({ state: 'attached' });
      assert.equal(await venue.inputValue(), venueId, 'the only venue is selected');

      await page.getByLabel('Mã quét được').fill(visitor.token);
      await page.getByLabel('Mã quét được').press('Enter');
      const decision = page.getByTestId('scan-decision');
      await decision.filter({ hasText: 'Đã ghi lượt vào' }).waitFor();
      assert.equal(await decision.getByTestId('person-band').getAttribute('data-colour'), 'green');
      const text = (await decision.textContent()) ?? '';
      assert.ok(!text.includes('Ngô Thị Hai Mã'), 'the name is masked for venue staff');
      assert.match(text, /Tiệm bánh Một Điểm/);
      assert.ok(await onFirstScreen(decision), 'colour, name and "recorded" without scrolling');

      // The same visitor shows their chip ID card a minute later: the same visit, not a second one.
      await page.getByLabel('Mã quét được').fill(visitor.cardQr);
      await page.getByLabel('Mã quét được').press('Enter');
      await decision.filter({ hasText: 'Cùng lượt vào' }).waitFor();
      assert.ok(await onFirstScreen(decision));
    });
    await context.close();
    const visits = await checkinsAt(officer, venueId);
    assert.deepEqual(
      visits.map((v) => v.personId),
      [visitor.personId],
    );
  });

  it('with several venues asks which one; venue staff get no "lookup only"', async () => {
    // The demo venue manager (a staff account) runs the demo points and these two.
    const manager = server.demoAccount('venue_manager');
    const { officer, ids } = await venuesStaffedBy(server, randomPhone(), ['Sạp A Chợ Hai', 'Sạp B Chợ Hai']);
    const visitor = await visitorWithCccd(server, 'Phan Văn Tra Cứu');

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'scanner-two-venues', async () => {
      await signInStaff(page, manager);
      await openFromMenu(page, 'Quét mã khách');
      await page.locator(`select[name="venue"] option[value="${ids[1]}"]`).waitFor({ state: 'attached' });
      assert.equal(await page.getByLabel('Điểm kiểm soát').inputValue(), '', 'nothing chosen for them');

      await page.getByLabel('Mã quét được').fill(visitor.token);
      await page.getByLabel('Mã quét được').press('Enter');
      const decision = page.getByTestId('scan-decision');
      await decision.filter({ hasText: 'Chọn điểm kiểm soát trước khi quét' }).waitFor();
      assert.equal(await page.getByTestId('person-band').count(), 0, 'no silent lookup');

      // Venue staff reach people only by scans at their own point (issue #8): no "look up only".
      assert.equal(
        await page
          .locator('select[name="venue"] option', { hasText: 'Chỉ tra cứu, không ghi lượt vào' })
          .count(),
        0,
      );

      await page.getByLabel('Điểm kiểm soát').selectOption(ids[1]!);
      await page.getByLabel('Mã quét được').fill(visitor.cardQr);
      await page.getByLabel('Mã quét được').press('Enter');
      await decision.filter({ hasText: 'Đã ghi lượt vào' }).waitFor();
      assert.ok(await onFirstScreen(decision));
    });
    await context.close();
    assert.deepEqual(await checkinsAt(officer, ids[0]!), []);
    assert.equal((await checkinsAt(officer, ids[1]!)).length, 1);
  });
});
