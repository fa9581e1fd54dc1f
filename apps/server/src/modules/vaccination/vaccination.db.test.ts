import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { decodeHcert } from '@phongdich/dcc';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { createStaff, signInAs, signInCitizen } from '../../test-support/auth';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { baDinh2025, trucBach2021 } from '../../test-support/same-code-locations';
import type { Db } from '../../core/db/db';
import { createPerson, createSiteWithSlot, doseBody, linkFamily, noAnswers } from './vaccination.fixtures';

let phoneSeq = 0;
const nextPhone = () => `09${String(12000000 + ((phoneSeq++ * 7919) % 87000000)).padStart(8, '0')}`;
const e164 = (p: string) => `+84${p.slice(1)}`;

for (const target of dbTargets()) {
  describe(`vaccination: bookings, doses, certificates (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a citizen books a slot for a parent; an SMS under 160 characters without diacritics confirms it', async () => {
      const { slot } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const self = await createPerson(db, { phone: e164(phone), birthYear: 1990 });
      const parent = await createPerson(db, { fullName: 'Nguyễn Thị Mẹ', birthYear: 1950 });
      await linkFamily(db, self, parent, 'mẹ');
      const citizen = (await signInCitizen(app, phone)).headers;
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/bookings',
        headers: citizen,
        payload: { slotId: slot.id, personId: parent },
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().personName, 'Nguyễn Thị Mẹ');
      const msgs = await db.query<{ body: string }>(
        `select body from outbox_messages where recipient = $1 and subject = 'vaccination.booking'`,
        [e164(phone)],
      );
      assert.equal(msgs.length, 1);
      assert.ok(msgs[0]!.body.length <= 160, msgs[0]!.body);
      assert.match(msgs[0]!.body, /^[\x20-\x7e]+$/);
      assert.match(msgs[0]!.body, /cho nguoi than .* tai Tram Y te phuong Phuc Xa\. .*Ma hen [0-9A-F]{6}$/);
      const again = await app.inject({
        method: 'POST',
        url: '/api/vaccination/bookings',
        headers: citizen,
        payload: { slotId: slot.id, personId: parent },
      });
      assert.equal(again.json().error.code, 'VACCINATION_ALREADY_BOOKED');
      const stranger = await createPerson(db);
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/vaccination/bookings',
        headers: citizen,
        payload: { slotId: slot.id, personId: stranger },
      });
      assert.equal(foreign.statusCode, 403);
      const mine = await app.inject({
        method: 'GET',
        url: '/api/vaccination/bookings/mine',
        headers: citizen,
      });
      assert.deepEqual(
        mine.json().map((b: { personId: string }) => b.personId),
        [parent],
      );
    });

    it('never over-books a slot under concurrent bookings', async () => {
      const { slot } = await createSiteWithSlot(app, db, { capacity: 3 });
      const citizens = [];
      for (let i = 0; i < 8; i++) {
        const phone = nextPhone();
        const personId = await createPerson(db, { phone: e164(phone) });
        citizens.push({ headers: (await signInCitizen(app, phone)).headers, personId });
      }
      const answers = await Promise.all(
        citizens.map((c) =>
          app.inject({
            method: 'POST',
            url: '/api/vaccination/bookings',
            headers: c.headers,
            payload: { slotId: slot.id, personId: c.personId },
          }),
        ),
      );
      const codes = answers.map((a) => (a.statusCode === 201 ? 'ok' : a.json().error.code)).sort();
      assert.deepEqual(codes, [
        'VACCINATION_SLOT_FULL',
        'VACCINATION_SLOT_FULL',
        'VACCINATION_SLOT_FULL',
        'VACCINATION_SLOT_FULL',
        'VACCINATION_SLOT_FULL',
        'ok',
        'ok',
        'ok',
      ]);
      const rows = await db.query<{ booked: number; n: number }>(
        `select s.booked, (select count(*)::int from vaccination_bookings b where b.slot_id = s.id) as n
         from vaccination_slots s where s.id = $1`,
        [slot.id],
      );
      assert.deepEqual(rows[0], { booked: 3, n: 3 });
    });

    it('records a dose once whether the same device retries or a second device records it too', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db, { lotQuantity: 5 });
      const personId = await createPerson(db);
      const body = doseBody({ personId, siteId: site.id, lotId: lot.id });
      const first = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: body,
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().dose.doseNumber, 1);
      const retry = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: body,
      });
      assert.equal(retry.statusCode, 200);
      assert.equal(retry.json().duplicate, true);
      // A second phone at the site, offline, recorded the same injection with its own client id.
      const other = (await signInAs(app, db, { role: 'vaccinator', unitCode: '00001', facilityId: site.id }))
        .headers;
      const second = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: other,
        payload: doseBody({ personId, siteId: site.id, lotId: lot.id, at: new Date(Date.now() - 60_000) }),
      });
      assert.equal(second.statusCode, 200, second.body);
      assert.equal(second.json().dose.id, first.json().dose.id);
      const [counts] = await db.query<{ doses: number; remaining: number; events: number }>(
        `select (select count(*)::int from vaccination_doses where person_id = $1) as doses,
           (select remaining from vaccine_lots where id = $2) as remaining,
           (select count(*)::int from domain_events where type = 'vaccination.dose_recorded' and payload->>'personId' = $1::text) as events`,
        [personId, lot.id],
      );
      assert.deepEqual(counts, { doses: 1, remaining: 4, events: 1 });
    });

    it('two devices syncing the same dose at the same moment keep one', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const other = (await signInAs(app, db, { role: 'vaccinator', unitCode: '00001', facilityId: site.id }))
        .headers;
      const personId = await createPerson(db);
      const [a, b] = await Promise.all(
        [vaccinator, other].map((h) =>
          app.inject({
            method: 'POST',
            url: '/api/vaccination/doses',
            headers: h,
            payload: doseBody({ personId, siteId: site.id, lotId: lot.id }),
          }),
        ),
      );
      assert.deepEqual([a!.statusCode, b!.statusCode].sort(), [200, 201]);
      const n = await db.query<{ n: number }>(
        'select count(*)::int as n from vaccination_doses where person_id = $1',
        [personId],
      );
      assert.equal(n[0]!.n, 1);
    });

    it('refuses an expired lot, a used-up lot and another site’s lot; numbers the second dose from history', async () => {
      const expired = await createSiteWithSlot(app, db, { expiresOn: '2021-01-01' });
      const personId = await createPerson(db);
      const post = (headers: object, payload: object) =>
        app.inject({ method: 'POST', url: '/api/vaccination/doses', headers: headers as never, payload });
      const r1 = await post(
        expired.vaccinator,
        doseBody({ personId, siteId: expired.site.id, lotId: expired.lot.id }),
      );
      assert.equal(r1.json().error.code, 'VACCINE_LOT_EXPIRED');
      const one = await createSiteWithSlot(app, db, { lotQuantity: 1 });
      const r2 = await post(
        one.vaccinator,
        doseBody({ personId, siteId: one.site.id, lotId: expired.lot.id }),
      );
      assert.equal(r2.json().error.code, 'VACCINE_LOT_NOT_FOUND');
      const r3 = await post(
        one.vaccinator,
        doseBody({ personId, siteId: one.site.id, lotId: one.lot.id, at: new Date(Date.now() - 6 * 864e5) }),
      );
      assert.equal(r3.statusCode, 201, r3.body);
      const other = await createPerson(db);
      const r4 = await post(
        one.vaccinator,
        doseBody({ personId: other, siteId: one.site.id, lotId: one.lot.id }),
      );
      assert.equal(r4.json().error.code, 'VACCINE_LOT_EMPTY');
      // Dose 2 six days after dose 1: given, so kept and numbered 2, flagged as too soon.
      const more = await createSiteWithSlot(app, db);
      const r5 = await post(
        more.vaccinator,
        doseBody({ personId, siteId: more.site.id, lotId: more.lot.id }),
      );
      assert.equal(r5.statusCode, 201);
      assert.equal(r5.json().dose.doseNumber, 2);
      assert.deepEqual(r5.json().dose.flags, ['TOO_SOON']);
      // A vaccinator of another site may not record at this one.
      const r6 = await post(
        more.vaccinator,
        doseBody({ personId: other, siteId: one.site.id, lotId: one.lot.id }),
      );
      assert.equal(r6.statusCode, 403);
    });

    it('refuses a dose when the screening answers call for a postponement', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const personId = await createPerson(db);
      const body = doseBody({ personId, siteId: site.id, lotId: lot.id });
      body.screening.answers = { ...noAnswers(), acute_illness: true };
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: body,
      });
      assert.equal(res.json().error.code, 'VACCINATION_SCREENING_DECISION');
      const incomplete = doseBody({ personId, siteId: site.id, lotId: lot.id });
      incomplete.screening.answers = {};
      const r2 = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: incomplete,
      });
      assert.equal(r2.json().error.code, 'VACCINATION_SCREENING_INCOMPLETE');
      const postponed = await app.inject({
        method: 'POST',
        url: '/api/vaccination/screenings',
        headers: vaccinator,
        payload: {
          clientId: body.clientId,
          personId,
          siteId: site.id,
          screenedAt: new Date().toISOString(),
          answers: { ...noAnswers(), acute_illness: true },
          decision: 'postpone',
          postponeUntil: '2099-01-10',
        },
      });
      assert.equal(postponed.statusCode, 200, postponed.body);
      assert.equal(postponed.json().outcome, 'postpone');
    });

    it('issues a signed DCC vaccination certificate, revokes it when the next dose reissues it; status turns yellow then green', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone), fullName: 'Phạm Thị Chứng' });
      const r1 = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({
          personId,
          siteId: site.id,
          lotId: lot.id,
          at: new Date(Date.now() - 6.5 * 864e5),
        }),
      });
      // Move the first dose 60 days back (a dose recorded weeks ago), so the second is in time.
      await db.query(
        `update vaccination_doses set administered_at = administered_at - interval '60 days',
           administered_on = administered_on - 60 where id = $1`,
        [r1.json().dose.id],
      );
      const citizen = (await signInCitizen(app, phone)).headers;
      const mine1 = (
        await app.inject({ method: 'GET', url: '/api/vaccination/mine', headers: citizen })
      ).json();
      const cert1 = mine1[0].certificate;
      assert.ok(cert1.uvci.startsWith('URN:UVCI:01:VN:VACC/'));
      const verify = (hc1: string) =>
        app.inject({ method: 'POST', url: '/api/certificates/verify', headers: citizen, payload: { hc1 } });
      const v1 = (await verify(cert1.hc1)).json();
      assert.equal(v1.valid, true, JSON.stringify(v1));
      const entry = decodeHcert(cert1.hc1).payload.v![0]!;
      assert.deepEqual(
        [entry.dn, entry.sd, entry.mp, entry.ma, entry.vp, entry.tg, entry.co, entry.ci],
        [1, 2, 'EU/1/21/1529', 'ORG-100001699', '1119305005', '840539006', 'VN', cert1.uvci],
      );
      assert.equal(Date.parse(cert1.expiresAt) - Date.parse(cert1.issuedAt), 365 * 864e5);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const status1 = (
        await app.inject({ method: 'GET', url: `/api/people/${personId}/status`, headers: officer })
      ).json();
      assert.equal(status1.colour, 'yellow', JSON.stringify(status1));

      const r2 = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId, siteId: site.id, lotId: lot.id }),
      });
      assert.equal(r2.json().dose.doseNumber, 2);
      assert.deepEqual(r2.json().dose.flags, []);
      const mine2 = (
        await app.inject({ method: 'GET', url: '/api/vaccination/mine', headers: citizen })
      ).json();
      assert.notEqual(mine2[0].certificate.uvci, cert1.uvci);
      const old = (await verify(cert1.hc1)).json();
      assert.deepEqual([old.valid, old.reason], [false, 'REVOKED']);
      assert.equal((await verify(mine2[0].certificate.hc1)).json().valid, true);
      const status2 = (
        await app.inject({ method: 'GET', url: `/api/people/${personId}/status`, headers: officer })
      ).json();
      assert.equal(status2.colour, 'green');
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/vaccination/mine/${personId}/certificate.pdf`,
        headers: citizen,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.ok(pdf.rawPayload.subarray(0, 5).toString() === '%PDF-');
    });

    it('a serious adverse event reported by the citizen notifies district and province officers and fills the worklist', async () => {
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone) });
      const citizen = (await signInCitizen(app, phone)).headers;
      const district = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      const province = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
      const body = {
        clientId: crypto.randomUUID(),
        personId,
        symptoms: ['khó thở', 'tụt huyết áp'],
        onsetAt: new Date(Date.now() - 3_600_000).toISOString(),
        severity: 'serious',
      };
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: body,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(res.json().notified >= 2);
      const notices = await db.query<{ recipient: string }>(
        `select recipient from outbox_messages where channel = 'notice' and subject = 'vaccination.aefi.serious'`,
      );
      const to = notices.map((n) => n.recipient);
      assert.ok(to.includes(district.accountId) && to.includes(province.accountId));
      const again = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: body,
      });
      assert.equal(again.json().duplicate, true);
      const list = await app.inject({ method: 'GET', url: '/api/worklist', headers: district.headers });
      assert.ok(JSON.stringify(list.json()).includes('aefi_serious'));
    });

    it('the site’s day list shows who is booked and who is under observation', async () => {
      const { slot, site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const personId = await createPerson(db, { phone: e164(phone), fullName: 'Đỗ Văn Hẹn' });
      const citizen = (await signInCitizen(app, phone)).headers;
      await app.inject({
        method: 'POST',
        url: '/api/vaccination/bookings',
        headers: citizen,
        payload: { slotId: slot.id, personId },
      });
      await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId, siteId: site.id, lotId: lot.id }),
      });
      const date = new Date(Date.parse(slot.startsAt) + 7 * 3_600_000).toISOString().slice(0, 10);
      const day = (
        await app.inject({
          method: 'GET',
          url: `/api/vaccination/sites/${site.id}/day?date=${date}`,
          headers: vaccinator,
        })
      ).json();
      assert.equal(day.booked[0].fullName, 'Đỗ Văn Hẹn');
      assert.equal(day.booked[0].status, 'arrived');
      assert.ok(day.observation.some((o: { personId: string }) => o.personId === personId));
      const far = (await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' })).headers;
      const refused = await app.inject({
        method: 'GET',
        url: `/api/vaccination/sites/${site.id}/day?date=${date}`,
        headers: far,
      });
      assert.equal(refused.statusCode, 403);
    });
  });

  describe(`vaccination: a serious adverse event on either map in a 2025 deployment (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      await applyDeploymentStructure(db, '2025');
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    /** A staff account on a given map (an account not yet moved stays on the 2021 one). */
    async function officer(
      role: 'district_officer' | 'province_officer',
      unitCode: string,
      structure: string,
    ) {
      const a = await createStaff(db, { role, unitCode });
      await db.query('update accounts set unit_structure = $2 where id = $1', [a.accountId, structure]);
      return a.accountId;
    }
    async function report(at: typeof trucBach2021 | typeof baDinh2025) {
      const phone = nextPhone();
      const rows = await db.query<{ id: string }>(
        `insert into persons (full_name, name_folded, birth_year, sex, phones, commune_code, district_code, province_code, unit_structure)
         values ('Lê Văn Phản', 'le van phan', 1970, 'male', $1, $2, $3, $4, $5) returning id::text`,
        [[e164(phone)], at.communeCode, at.districtCode, at.provinceCode, at.structure],
      );
      const personId = rows[0]!.id;
      const citizen = (await signInCitizen(app, phone)).headers;
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: {
          clientId: crypto.randomUUID(),
          personId,
          symptoms: ['khó thở'],
          onsetAt: new Date(Date.now() - 3_600_000).toISOString(),
          severity: 'serious',
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      const item = await db.query<Record<string, string | null>>(
        `select unit_structure, commune_code, district_code, province_code from worklist_items
         where kind = 'aefi_serious' and person_id = $1`,
        [personId],
      );
      const to = (
        await db.query<{ recipient: string }>(
          `select recipient from outbox_messages where subject = 'vaccination.aefi.serious'
           and created_at >= now() - interval '1 minute'`,
        )
      ).map((n) => n.recipient);
      return { item, to };
    }

    it('a person still on the 2021 map: the item stays in their 2021 commune; their 2021 district and province officers and the 2025 province officers are told', async () => {
      const district2021 = await officer('district_officer', '001', 'pre2025');
      const province2021 = await officer('province_officer', '01', 'pre2025');
      const province2025 = await officer('province_officer', '01', '2025');
      const otherDistrict = await officer('district_officer', '002', 'pre2025');
      const { item, to } = await report(trucBach2021);
      assert.deepEqual(item, [
        { unit_structure: 'pre2025', commune_code: '00004', district_code: '001', province_code: '01' },
      ]);
      assert.ok(
        to.includes(district2021) && to.includes(province2021) && to.includes(province2025),
        String(to),
      );
      assert.ok(!to.includes(otherDistrict));
      await db.query('update accounts set disabled = true where id::text = any($1::text[])', [
        [district2021, province2021, province2025, otherDistrict],
      ]);
    });

    it('a person on the 2025 map: the 2025 commune with that code, its province officers only, never a 2021 officer of the same digits', async () => {
      const province2021 = await officer('province_officer', '01', 'pre2025');
      const district2021 = await officer('district_officer', '001', 'pre2025');
      const province2025 = await officer('province_officer', '01', '2025');
      const { item, to } = await report(baDinh2025);
      assert.deepEqual(item, [
        { unit_structure: '2025', commune_code: '00004', district_code: null, province_code: '01' },
      ]);
      assert.ok(to.includes(province2025), String(to));
      assert.ok(!to.includes(province2021) && !to.includes(district2021), String(to));
    });
  });
}
