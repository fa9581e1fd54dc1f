import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import { startServer, type TestServer } from './support/server';
import { DESKTOP, launchBrowser, newPage, withScreenshot } from './support/browser';
import { createPeople, labWorld, receivedTubes, release, type LabWorld } from './support/lab-tubes';
import { citizenWithRecord, signInCitizenUi, signInStaff } from './support/checkin';
import { openFromMenu } from './support/nav';

/** A CCCD agreeing with a 1990s male birth in Hà Nội: 001 + century/sex 0 + year + 6-digit serial. */
const cccd = (year: number) =>
  `0010${String(year % 100)}${String(Math.floor(100_000 + Math.random() * 899_999))}`;

describe('released results: what a positive person is told, correction, revocation, re-test at the sampler', () => {
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

  it('a positive tells the citizen what to do and offers no certificate; the supervisor corrects it; the citizen then sees the corrected negative (360 px)', async () => {
    const phone = '0912777001';
    const [person] = await createPeople(w, [{ fullName: 'Kiều Văn Tùng', phones: [phone] }]);
    const [partner] = await createPeople(w, [{ fullName: 'Kiều Thị Nga' }]);
    const [pool, single] = await receivedTubes(w, [[person!, partner!], [person!]]);
    await release(w, [
      [pool!, 'positive'],
      [single!, 'positive'],
    ]);

    const citizen = await newPage(browser, server.url);
    await withScreenshot(citizen.page, 'result-positive-citizen', async () => {
      await signInCitizenUi(citizen.page, server, phone);
      await citizen.page.goto('/my-results');
      const todo = citizen.page.getByTestId('what-to-do');
      await todo.first().waitFor();
      const texts = await todo.allTextContents();
      assert.equal(texts.length, 1, 'the pool’s advice is gone once the individual result is out');
      assert.match(texts[0]!, /DƯƠNG TÍNH/);
      assert.match(texts[0]!, /Ở nhà/);
      assert.match(texts[0]!, /Trạm y tế xã\/phường .* liên hệ/);
      assert.match(texts[0]!, /1900 9095/);
      assert.equal(await citizen.page.getByRole('button', { name: 'Mở chứng nhận' }).count(), 0);
    });

    const sup = await newPage(browser, server.url, DESKTOP);
    await withScreenshot(sup.page, 'result-correction', async () => {
      await signInStaff(sup.page, server.demoAccount('lab_supervisor'));
      await openFromMenu(sup.page, 'Đính chính kết quả');
      await sup.page.getByLabel('Mã ống mẫu').fill(single!);
      await sup.page.getByLabel('Mã ống mẫu').press('Enter');
      await sup.page.getByTestId('correct-tube').filter({ hasText: 'hiện là Dương tính' }).waitFor();
      for (const name of ['Âm tính', 'Dương tính', 'Không xác định'])
        assert.equal(await sup.page.getByRole('radio', { name }).isChecked(), false);
      await sup.page.getByRole('radio', { name: 'Âm tính' }).check();
      await sup.page.getByRole('button', { name: 'Đính chính', exact: true }).click();
      await sup.page.getByText('Hãy ghi lý do').waitFor();
      await sup.page.getByLabel('Lý do đính chính').fill('Nhầm ống khi nhập tay, đối chiếu sổ máy');
      await sup.page.getByRole('button', { name: 'Đính chính', exact: true }).click();
      const confirm = sup.page.getByTestId('correct-confirm');
      assert.match((await confirm.textContent()) ?? '', new RegExp(`${single}: Dương tính → Âm tính`));
      await sup.page.getByRole('button', { name: 'Xác nhận đính chính' }).click();
      await sup.page
        .getByTestId('correction-done')
        .filter({ hasText: 'thu hồi 1, cấp lại 1 chứng nhận' })
        .waitFor();
    });
    await sup.context.close();

    await withScreenshot(citizen.page, 'result-corrected-citizen', async () => {
      await citizen.page.reload();
      await citizen.page.getByText('Kết quả đã được phòng xét nghiệm đính chính').waitFor();
      assert.equal(await citizen.page.getByTestId('what-to-do').count(), 0);
      await citizen.page.getByRole('button', { name: 'Mở chứng nhận' }).click();
      await citizen.page.getByText('Chứng nhận có chữ ký số').waitFor();
    });
    await citizen.context.close();
  });

  it('a province officer revokes a certificate of their area on the revocation page, with a reason (360 px)', async () => {
    // The person holds the certificate on their phone and shows its HC1 code to the officer.
    const { session: own, personId } = await citizenWithRecord(server, '0912777002', 'Tạ Thị Xuân');
    const [tube] = await receivedTubes(w, [[personId]]);
    await release(w, [[tube!, 'negative']]);
    const mine = await own.request<{ people: { results: { id: string }[] }[] }>('GET', '/api/me/results');
    const { uvci, hc1 } = await own.request<{ uvci: string; hc1: string }>(
      'GET',
      `/api/me/results/${mine.people[0]!.results[0]!.id}/certificate`,
    );

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'certificate-revoke', async () => {
      await signInStaff(page, server.demoAccount('province_officer'));
      await openFromMenu(page, 'Thu hồi chứng nhận');
      await page.getByLabel('Mã chứng nhận (UVCI) hoặc mã HC1').fill(hc1);
      await page.getByLabel('Mã chứng nhận (UVCI) hoặc mã HC1').press('Enter');
      const card = page.getByTestId('revoke-certificate');
      await card.filter({ hasText: 'Tạ Thị Xuân' }).waitFor();
      await page.getByRole('button', { name: 'Thu hồi', exact: true }).click();
      await page.getByText('Hãy ghi lý do thu hồi').waitFor();
      await page.getByLabel('Lý do thu hồi').fill('Cấp nhầm người');
      await page.getByRole('button', { name: 'Thu hồi', exact: true }).click();
      await page.getByRole('button', { name: 'Xác nhận thu hồi' }).click();
      await page.getByText(`Đã thu hồi chứng nhận ${uvci}.`).waitFor();
    });
    await context.close();
    const check = await w.officer.request<{ valid: boolean; reason?: string }>(
      'POST',
      '/api/certificates/verify',
      { hc1 },
    );
    assert.deepEqual([check.valid, check.reason], [false, 'REVOKED']);
  });

  it('a member of a positive pool is flagged to the sampler and goes alone in an individual tube (360 px)', async () => {
    const id = cccd(1993);
    const member = await w.officer.request<{ id: string }>('POST', '/api/people', {
      fullName: 'Quách Văn Lâm',
      birthYear: 1993,
      sex: 'male',
      communeCode: '00001',
      cccd: id,
    });
    const other = cccd(1994);
    const [partner] = await createPeople(w, [{ fullName: 'Quách Thị Mơ' }]);
    const [pool] = await receivedTubes(w, [[member.id, partner!]]);
    await release(w, [[pool!, 'positive']]);

    const session = await w.officer.request<{ id: string }>('POST', '/api/testing/sessions', {
      name: `Lấy mẫu lại ${Date.now()}`,
      kind: 'mass',
      testType: 'rt_pcr',
      communeCode: '00001',
      date: new Date().toISOString().slice(0, 10),
      poolSize: 5,
    });
    const [tube] = (
      await w.sampler.request<{ barcodes: string[] }>('POST', '/api/testing/labels', {
        count: 1,
        testType: 'rt_pcr',
        sessionId: session.id,
      })
    ).barcodes;
    await w.officer.request('POST', '/api/people', {
      fullName: 'Quách Văn Nam',
      birthYear: 1994,
      sex: 'male',
      communeCode: '00001',
      cccd: other,
    });

    const { context, page } = await newPage(browser, server.url);
    await withScreenshot(page, 'sampler-retest', async () => {
      await signInStaff(page, server.demoAccount('sampler'));
      await page.goto('/sampling');
      await page.locator(`#sample-session option[value="${session.id}"]`).waitFor({ state: 'attached' });
      await page.locator('#sample-session').selectOption(session.id);
      await page.getByText('Gộp 5 người/ống').waitFor();
      await page.getByLabel('Loại mẫu').selectOption({ label: 'Dịch tỵ hầu' });
      await page.getByLabel(/Mã người/).fill(id);
      await page.getByLabel(/Mã người/).press('Enter');
      await page.getByLabel('Mã ống').fill(tube!);
      await page.getByLabel('Mã ống').press('Enter');
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      const warning = page.getByTestId('sample-warning').filter({ hasText: 'XÉT NGHIỆM LẠI' });
      await warning.waitFor();
      assert.match((await warning.textContent()) ?? '', new RegExp(`mẫu gộp dương tính ${pool}`));
      assert.match((await warning.textContent()) ?? '', /mẫu đơn/);
      await page.getByTestId('current-tube').filter({ hasText: 'Quách Văn Lâm' }).waitFor();

      // The next person, scanned into the same tube, is refused: the re-test tube holds one person.
      await page.getByLabel(/Mã người/).fill(other);
      await page.getByLabel(/Mã người/).press('Enter');
      await page.getByLabel('Mã ống').fill(tube!);
      await page.getByLabel('Mã ống').press('Enter');
      await page.getByRole('button', { name: /Gắn .*vào ống/ }).click();
      await page
        .getByRole('alert')
        .filter({ hasText: /đã được đóng|mẫu đơn/ })
        .first()
        .waitFor();
    });
    await context.close();
    const state = await w.sampler.request<{ members: unknown[]; sealed: boolean }>(
      'GET',
      `/api/testing/tubes/${tube}`,
    );
    assert.deepEqual([state.members.length, state.sealed], [1, true]);
  });
});
