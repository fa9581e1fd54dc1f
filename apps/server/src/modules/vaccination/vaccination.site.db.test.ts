import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createPerson, createSiteWithSlot, doseBody, linkFamily } from './vaccination.fixtures';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { coverageOf, rebuildVaccinationFigures, refreshPersonVaccination } from './index';

const DAY = 864e5;
const vnToday = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
let phoneSeq = 0;
const nextPhone = () => `09${String(23000000 + ((phoneSeq++ * 7919) % 76000000)).padStart(8, '0')}`;

/** A dose given `daysAgo` days ago, straight into the table (older than the site's 7-day sync window). */
async function pastDose(db: Db, personId: string, daysAgo: number, doseNumber: number, mp = 'EU/1/21/1529') {
  const at = new Date(Date.now() - daysAgo * DAY);
  await db.query(
    `insert into vaccination_doses (client_id, person_id, disease, product_mp, dose_number, administered_at,
       administered_on, source)
     values ($1, $2, 'covid-19', $3, $4, $5, ($5 at time zone 'Asia/Ho_Chi_Minh')::date, 'import')`,
    [randomUUID(), personId, mp, doseNumber, at],
  );
}

/** The figures tables as rows, for comparing the incremental counts with a rebuild. */
async function snapshot(db: Db) {
  return {
    coverage: await db.query(
      `select unit_structure, commune_code, birth_year, priority_group, at_least_one, full_primary, booster
       from vaccination_coverage where at_least_one + full_primary + booster > 0 order by 1, 2, 3, 4`,
    ),
    due: await db.query(
      `select person_id::text, dose_number, kind, due_from::text, commune_code from vaccination_next_due order by 1`,
    ),
  };
}

for (const target of dbTargets()) {
  describe(`vaccination at the site: arrival, observation, AEFI, due list, coverage (${target.name})`, () => {
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

    it('the site marks a booked person arrived (once), doses them, and the observation list shows the reaction', async () => {
      const { slot, site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const self = await createPerson(db, { phone: `+84${phone.slice(1)}`, birthYear: 1985 });
      const citizen = (await signInCitizen(app, phone)).headers;
      const booked = await app.inject({
        method: 'POST',
        url: '/api/vaccination/bookings',
        headers: citizen,
        payload: { slotId: slot.id, personId: self },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const bookingId = booked.json().id as string;
      const day = async () =>
        (
          await app.inject({
            method: 'GET',
            url: `/api/vaccination/sites/${site.id}/day?date=${vnToday()}`,
            headers: vaccinator,
          })
        ).json();
      const before = (await day()).booked.find((b: { bookingId: string }) => b.bookingId === bookingId);
      assert.equal(before.status, 'booked');
      assert.equal(before.arrivedAt, null);

      const arrive = () =>
        app.inject({
          method: 'POST',
          url: `/api/vaccination/bookings/${bookingId}/arrival`,
          headers: vaccinator,
        });
      const first = await arrive();
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().duplicate, false);
      const second = await arrive();
      assert.equal(second.json().duplicate, true);
      assert.equal(second.json().arrivedAt, first.json().arrivedAt);
      const arrived = (await day()).booked.find((b: { bookingId: string }) => b.bookingId === bookingId);
      assert.equal(arrived.status, 'arrived');
      assert.equal(arrived.arrivedAt, first.json().arrivedAt);
      const audits = await db.query(
        `select 1 from audit_log where action = 'vaccination.booking.arrive' and person_id = $1`,
        [self],
      );
      assert.equal(audits.length, 1);

      // A vaccinator of another site may not mark it.
      const other = await createSiteWithSlot(app, db);
      const foreign = await app.inject({
        method: 'POST',
        url: `/api/vaccination/bookings/${bookingId}/arrival`,
        headers: other.vaccinator,
      });
      assert.equal(foreign.statusCode, 403);
      const unknown = await app.inject({
        method: 'POST',
        url: `/api/vaccination/bookings/${randomUUID()}/arrival`,
        headers: vaccinator,
      });
      assert.equal(unknown.json().error.code, 'VACCINATION_BOOKING_NOT_FOUND');

      const dose = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId: self, siteId: site.id, lotId: lot.id }),
      });
      assert.equal(dose.statusCode, 201, dose.body);
      const doseId = dose.json().dose.id as string;
      let list = await day();
      let watched = list.observation.find((o: { doseId: string }) => o.doseId === doseId);
      assert.equal(watched.reaction, null);
      assert.equal(watched.mayLeave, false, 'just vaccinated: stays 30 minutes');
      assert.equal(Date.parse(watched.observeUntil) - Date.parse(watched.administeredAt), 30 * 60_000);
      assert.equal(
        list.booked.find((b: { bookingId: string }) => b.bookingId === bookingId).vaccinated,
        true,
      );

      const aefi = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: vaccinator,
        payload: {
          clientId: randomUUID(),
          personId: self,
          doseId,
          siteId: site.id,
          symptoms: ['nổi mẩn'],
          onsetAt: new Date().toISOString(),
          severity: 'mild',
        },
      });
      assert.equal(aefi.statusCode, 201, aefi.body);
      list = await day();
      watched = list.observation.find((o: { doseId: string }) => o.doseId === doseId);
      assert.equal(watched.reaction, 'mild');

      // 31 minutes later the person may leave; one with a reaction stays marked.
      await db.query(
        `update vaccination_doses set administered_at = administered_at - interval '31 minutes' where id = $1`,
        [doseId],
      );
      list = await day();
      watched = list.observation.find((o: { doseId: string }) => o.doseId === doseId);
      assert.equal(watched.mayLeave, false, 'a reaction keeps them on the list');
      await db.query('delete from vaccination_adverse_events where dose_id = $1', [doseId]);
      list = await day();
      assert.equal(list.observation.find((o: { doseId: string }) => o.doseId === doseId).mayLeave, true);
    });

    it('a serious AEFI reported by the citizen notifies district and province officers (outbox) and puts a worklist item in their area', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const phone = nextPhone();
      const self = await createPerson(db, { phone: `+84${phone.slice(1)}`, birthYear: 1960 });
      const parent = await createPerson(db, { birthYear: 1940 });
      await linkFamily(db, self, parent, 'bố');
      const dose = await app.inject({
        method: 'POST',
        url: '/api/vaccination/doses',
        headers: vaccinator,
        payload: doseBody({ personId: parent, siteId: site.id, lotId: lot.id }),
      });
      const doseId = dose.json().dose.id as string;
      const district = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      const province = await signInAs(app, db, { role: 'province_officer', unitCode: '01' });
      const elsewhere = await signInAs(app, db, { role: 'district_officer', unitCode: '002' });
      const citizen = (await signInCitizen(app, phone)).headers;
      const report = {
        clientId: randomUUID(),
        personId: parent,
        doseId,
        symptoms: ['khó thở', 'tụt huyết áp'],
        onsetAt: new Date(Date.now() - 3_600_000).toISOString(),
        severity: 'serious',
      };
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: report,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(res.json().notified >= 2);
      // The same report sent again (a retry) is the same report: nothing new.
      const again = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: report,
      });
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().duplicate, true);

      const notices = await db.query<{ recipient: string }>(
        `select recipient from outbox_messages where subject = 'vaccination.aefi.serious' and recipient = any($1)`,
        [[district.accountId, province.accountId, elsewhere.accountId]],
      );
      assert.deepEqual(
        notices.map((n) => n.recipient).sort(),
        [district.accountId, province.accountId].sort(),
      );
      const items = await db.query(
        `select 1 from worklist_items where kind = 'aefi_serious' and person_id = $1`,
        [parent],
      );
      assert.equal(items.length, 1, 'one item, not one per retry');
      for (const [who, sees] of [
        [district, true],
        [province, true],
        [elsewhere, false],
      ] as const) {
        const list = await app.inject({
          method: 'GET',
          url: '/api/worklist?kind=aefi_serious',
          headers: who.headers,
        });
        assert.equal(list.statusCode, 200, list.body);
        const found = list.json().items.some((i: { personId: string }) => i.personId === parent);
        assert.equal(found, sees);
      }
      // A citizen may not report for a stranger.
      const stranger = await createPerson(db);
      const foreign = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: { ...report, clientId: randomUUID(), personId: stranger, doseId: null },
      });
      assert.equal(foreign.statusCode, 403);
      // Symptoms are required.
      const empty = await app.inject({
        method: 'POST',
        url: '/api/vaccination/adverse-events',
        headers: citizen,
        payload: { ...report, clientId: randomUUID(), symptoms: [] },
      });
      assert.equal(empty.statusCode, 400);
      assert.equal(empty.json().error.code, 'VALIDATION_FAILED');
    });

    it('the due list comes from the maintained next-due rows, in order, a page at a time', async () => {
      const commune = '00004';
      const district = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      // A site of its own commune, so only these people are in its due list.
      const site = await app.inject({
        method: 'POST',
        url: '/api/vaccination/sites',
        headers: district.headers,
        payload: {
          name: 'Trạm Y tế Trúc Bạch',
          kind: 'fixed',
          communeCode: commune,
          dailyCapacity: 100,
          opensAt: '07:00',
          closesAt: '17:00',
        },
      });
      assert.equal(site.statusCode, 201, site.body);
      const due: string[] = [];
      for (let i = 0; i < 5; i++) {
        const p = await createPerson(db, { birthYear: 1970, communeCode: commune });
        // AstraZeneca: dose 2 from 28 days after dose 1; these are due since 40 − i·2 − 28 days.
        await pastDose(db, p, 40 + i * 2, 1);
        await refreshPersonVaccination(db, p);
        due.push(p);
      }
      const notYet = await createPerson(db, { birthYear: 1970, communeCode: commune });
      await pastDose(db, notYet, 3, 1);
      await refreshPersonVaccination(db, notYet);
      const url = (after?: string) =>
        `/api/vaccination/sites/${site.json().id}/due?date=${vnToday()}&limit=2${after ? `&after=${after}` : ''}`;
      const seen: string[] = [];
      let next: string | undefined;
      for (let page = 0; page < 5; page++) {
        const res = await app.inject({ method: 'GET', url: url(next), headers: district.headers });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json();
        assert.ok(body.items.length <= 2);
        seen.push(
          ...body.items.map(
            (d: { personId: string; doseNumber: number }) => (assert.equal(d.doseNumber, 2), d.personId),
          ),
        );
        if (!body.next) break;
        next = body.next;
      }
      // Earliest due first: the one vaccinated longest ago.
      assert.deepEqual(seen, [...due].reverse());
      assert.ok(!seen.includes(notYet));
      // The day list carries the first page.
      const dayList = await app.inject({
        method: 'GET',
        url: `/api/vaccination/sites/${site.json().id}/day?date=${vnToday()}`,
        headers: district.headers,
      });
      assert.equal(dayList.json().due.length, 5);
      // The query is an index range on (structure, commune, disease, due_from), not a scan of people.
      if (target.name !== 'pglite') {
        const plan = await db.query<{ 'QUERY PLAN': string }>(
          `explain select person_id from vaccination_next_due where unit_structure = 'pre2025' and commune_code = $1
           and disease = 'covid-19' and due_from <= current_date order by due_from, person_id limit 50`,
          [commune],
        );
        assert.match(plan.map((r) => r['QUERY PLAN']).join('\n'), /vaccination_next_due_area_idx/);
      }
    });

    it('coverage per commune, district, province and nation on the 2021 map follows doses through the handler; a rebuild gives the same', async () => {
      const { site, lot, vaccinator } = await createSiteWithSlot(app, db);
      const year = new Date().getUTCFullYear();
      const baseline = await coverageOf(db, { structure: 'pre2025', unitCode: '001' });
      const young = await createPerson(db, { birthYear: year - 30 });
      const old = await createPerson(db, { birthYear: year - 70 });
      const elsewhere = await createPerson(db, { birthYear: year - 55, communeCode: '00004' });
      for (const p of [young, old, elsewhere]) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/vaccination/doses',
          headers: vaccinator,
          payload: doseBody({ personId: p, siteId: site.id, lotId: lot.id }),
        });
        assert.equal(res.statusCode, 201, res.body);
      }
      // The old person already had dose 1 elsewhere long ago: today's is dose 2, completing the series.
      await db.query(
        `update vaccination_doses set dose_number = 2 where person_id = $1 and source = 'site'`,
        [old],
      );
      await pastDose(db, old, 90, 1);
      await app.events.pass();
      await refreshPersonVaccination(db, old); // the imported dose has no event of its own in this test
      const now = await coverageOf(db, { structure: 'pre2025', unitCode: '001' });
      const band = (f: typeof now, b: string) => f.bands.find((x) => x.band === b)!;
      const delta = (b: string, k: 'atLeastOne' | 'fullPrimary') => band(now, b)[k] - band(baseline, b)[k];
      assert.equal(delta('all', 'atLeastOne'), 3);
      assert.equal(delta('18+', 'atLeastOne'), 3);
      assert.equal(delta('50+', 'atLeastOne'), 2);
      assert.equal(delta('65+', 'atLeastOne'), 1);
      assert.equal(delta('65+', 'fullPrimary'), 1);
      assert.equal(delta('all', 'fullPrimary'), 1);
      const commune = await coverageOf(db, { structure: 'pre2025', unitCode: '00004' });
      assert.ok(band(commune, 'all').atLeastOne >= 1);
      const province = await coverageOf(db, { structure: 'pre2025', unitCode: '01' });
      const nation = await coverageOf(db, { structure: 'pre2025', unitCode: null });
      assert.ok(band(province, 'all').atLeastOne >= band(now, 'all').atLeastOne);
      assert.equal(
        band(nation, 'all').atLeastOne,
        band(province, 'all').atLeastOne,
        'all test people are in Hà Nội',
      );
      assert.ok(province.census && province.census > 8_000_000, 'Hà Nội’s 2019 census');
      assert.ok(nation.census && nation.census > 90_000_000);
      const ba = province.children.find((c) => c.code === '001')!;
      assert.equal(ba.atLeastOne, band(now, 'all').atLeastOne);

      // The rebuild recomputes the same counts and due rows from the doses, and counts the population.
      const incremental = await snapshot(db);
      await rebuildVaccinationFigures(db, 2);
      assert.deepEqual(await snapshot(db), incremental);
      const rebuilt = await coverageOf(db, { structure: 'pre2025', unitCode: '001' });
      assert.ok(band(rebuilt, 'all').population >= 3);
      assert.equal(band(rebuilt, 'all').atLeastOne, band(now, 'all').atLeastOne);

      // Over HTTP: an officer reads their own area, not another's, and not the nation.
      const officer = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      const mine = await app.inject({
        method: 'GET',
        url: '/api/vaccination/coverage',
        headers: officer.headers,
      });
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().unit.code, '001');
      const other = await app.inject({
        method: 'GET',
        url: '/api/vaccination/coverage?unitCode=002',
        headers: officer.headers,
      });
      assert.equal(other.statusCode, 403);
      const national = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const all = await app.inject({
        method: 'GET',
        url: '/api/vaccination/coverage?structure=pre2025',
        headers: national.headers,
      });
      assert.equal(all.statusCode, 200, all.body);
      assert.equal(all.json().unit, null);
      // Doses per day and lots used at the site.
      const figures = await app.inject({
        method: 'GET',
        url: `/api/vaccination/sites/${site.id}/figures?from=${vnToday()}&to=${vnToday()}`,
        headers: vaccinator,
      });
      assert.equal(figures.statusCode, 200, figures.body);
      assert.deepEqual(figures.json().days, [{ date: vnToday(), doses: 3 }]);
      assert.equal(figures.json().lots.find((l: { id: string }) => l.id === lot.id).used, 3);
    });

    it('coverage on the 2025 map: commune → province → nation by the unit tree; a rebuild gives the same', async () => {
      const communes = await db.query<{ code: string; province_code: string }>(
        `select code, province_code from admin_units where structure = '2025' and level_name = 'commune'
         order by province_code, code limit 2`,
      );
      assert.equal(communes.length, 2);
      const [a, b] = communes as [
        { code: string; province_code: string },
        { code: string; province_code: string },
      ];
      const year = new Date().getUTCFullYear();
      const people: string[] = [];
      for (const [c, birthYear] of [
        [a, year - 20],
        [a, year - 66],
        [b, year - 40],
      ] as const) {
        const rows = await db.query<{ id: string }>(
          `insert into persons (full_name, name_folded, birth_year, sex, commune_code, district_code, province_code, unit_structure)
           values ('Trần Văn Hai', 'tran van hai', $1, 'male', $2, null, $3, '2025') returning id::text`,
          [birthYear, c.code, c.province_code],
        );
        people.push(rows[0]!.id);
      }
      for (const p of people) {
        await pastDose(db, p, 60, 1);
        await refreshPersonVaccination(db, p);
      }
      await pastDose(db, people[1]!, 20, 2);
      await refreshPersonVaccination(db, people[1]!);
      const commune = await coverageOf(db, { structure: '2025', unitCode: a.code });
      assert.equal(commune.bands.find((x) => x.band === 'all')!.atLeastOne, 2);
      assert.equal(commune.bands.find((x) => x.band === '65+')!.fullPrimary, 1);
      const province = await coverageOf(db, { structure: '2025', unitCode: a.province_code });
      const expected = a.province_code === b.province_code ? 3 : 2;
      assert.equal(province.bands.find((x) => x.band === 'all')!.atLeastOne, expected);
      assert.equal(province.children.find((c) => c.code === a.code)!.atLeastOne, 2);
      const nation = await coverageOf(db, { structure: '2025', unitCode: null });
      assert.equal(nation.bands.find((x) => x.band === 'all')!.atLeastOne, 3);
      // The 2021 map's figures do not count them.
      await app.events.pass();
      const old = await coverageOf(db, { structure: 'pre2025', unitCode: null });
      const oldAll = old.bands.find((x) => x.band === 'all')!.atLeastOne;
      const incremental = await snapshot(db);
      await rebuildVaccinationFigures(db);
      assert.deepEqual(await snapshot(db), incremental);
      assert.equal(
        (await coverageOf(db, { structure: 'pre2025', unitCode: null })).bands[0]!.atLeastOne,
        oldAll,
      );
      assert.equal((await coverageOf(db, { structure: '2025', unitCode: a.code })).bands[0]!.population, 2);
    });
  });
}

/**
 * A deployment on the 2025 map (province → commune) with one site still on the 2021 map: Trúc Bạch,
 * 00004, where 00004 is now Phường Ba Đình — the same code, another place (see
 * checkins.structure.http.db.test.ts). Sites, campaigns and slots follow each unit's map and level.
 */
for (const target of dbTargets()) {
  describe(`vaccination sites on the 2025 map (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let oldSiteId: string;
    before(async () => {
      db = await target.open();
      oldSiteId = (
        await db.query<{ id: string }>(
          `insert into vaccination_sites (name, kind, commune_code, district_code, province_code, unit_structure,
             daily_capacity, opens_at, closes_at)
           values ('Trạm Y tế phường Trúc Bạch', 'fixed', '00004', '001', '01', 'pre2025', 100, '07:30', '17:00')
           returning id::text`,
        )
      )[0]!.id;
      await applyDeploymentStructure(db, '2025');
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a 2025 commune’s site, campaigns and slots; a 2021 site with the same code is neither in its area nor in its campaigns', async () => {
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' })).headers;
      const post = (headers: Record<string, string>, url: string, payload: object) =>
        app.inject({ method: 'POST', url, headers, payload });
      const created = await post(officer, '/api/vaccination/sites', {
        name: 'Trạm Y tế phường Ba Đình',
        kind: 'fixed',
        communeCode: '00004',
        dailyCapacity: 200,
        opensAt: '07:30',
        closesAt: '17:00',
      });
      assert.equal(created.statusCode, 201, created.body);
      const site = created.json();
      assert.deepEqual(
        (
          await db.query(
            'select unit_structure, commune_code, district_code, province_code from vaccination_sites where id = $1',
            [site.id],
          )
        )[0],
        { unit_structure: '2025', commune_code: '00004', district_code: null, province_code: '01' },
      );
      const sites = await app.inject({ method: 'GET', url: '/api/vaccination/sites', headers: officer });
      assert.deepEqual(
        sites.json().map((s: { id: string }) => s.id),
        [site.id],
        'the 2021 site with the same code is not in the 2025 commune',
      );
      const lot = await post(officer, `/api/vaccination/sites/${site.id}/lots`, {
        productMp: 'EU/1/21/1529',
        lotNumber: 'AZ2025',
        expiresOn: '2099-12-31',
        quantity: 10,
      });
      assert.equal(lot.statusCode, 201, lot.body);
      const neighbour = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00008' })).headers;
      assert.equal(
        (
          await app.inject({
            method: 'GET',
            url: `/api/vaccination/sites/${site.id}/lots`,
            headers: neighbour,
          })
        ).statusCode,
        403,
      );

      const campaign = async (headers: Record<string, string>, unitCode: string) => {
        const res = await post(headers, '/api/vaccination/campaigns', {
          name: `Chiến dịch ${unitCode}`,
          disease: 'covid-19',
          products: ['EU/1/21/1529'],
          targetGroups: ['older_65'],
          unitCode,
          startsOn: vnToday(),
          endsOn: '2099-12-31',
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      const province = (await signInAs(app, db, { role: 'province_officer', unitCode: '01' })).headers;
      const communeCampaign = await campaign(officer, '00004');
      const provinceCampaign = await campaign(province, '01');
      const start = new Date(Date.now() + 3 * 3_600_000);
      const slot = (headers: Record<string, string>, campaignId: string, siteId: string, hours = 0) => {
        const at = new Date(start.getTime() + hours * 3_600_000);
        return post(headers, `/api/vaccination/campaigns/${campaignId}/slots`, {
          siteId,
          startsAt: at.toISOString(),
          endsAt: new Date(at.getTime() + 3_600_000).toISOString(),
          capacity: 5,
        });
      };
      assert.equal((await slot(officer, communeCampaign, site.id)).statusCode, 201);
      assert.equal((await slot(officer, provinceCampaign, site.id, 1)).statusCode, 201);
      // Trúc Bạch (2021) is not in Phường Ba Đình's (2025) campaign, whatever its code says.
      const admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      const outside = await slot(admin, communeCampaign, oldSiteId, 2);
      assert.equal(outside.statusCode, 400, outside.body);
      assert.equal(outside.json().error.details[0].code, 'outside_campaign');
      const invite = await post(admin, `/api/vaccination/campaigns/${communeCampaign}/invitations`, {
        siteId: oldSiteId,
        priorityGroup: 'older_65',
      });
      assert.equal(invite.statusCode, 400, invite.body);
      assert.equal(invite.json().error.details[0].code, 'outside_campaign');

      // Someone still on the 2021 map, dosed at the 2025 site: the dose and the reaction name their own map.
      const visitor = await createPerson(db, { communeCode: '00004' });
      await db.query(`update persons set unit_structure = 'pre2025' where id = $1`, [visitor]);
      const vaccinator = (
        await signInAs(app, db, { role: 'vaccinator', unitCode: '00004', facilityId: site.id })
      ).headers;
      const dose = await post(
        vaccinator,
        '/api/vaccination/doses',
        doseBody({ personId: visitor, siteId: site.id, lotId: lot.json().id }),
      );
      assert.equal(dose.statusCode, 201, dose.body);
      const aefi = await post(vaccinator, '/api/vaccination/adverse-events', {
        clientId: randomUUID(),
        personId: visitor,
        siteId: site.id,
        symptoms: ['sốt'],
        onsetAt: new Date().toISOString(),
        severity: 'mild',
      });
      assert.equal(aefi.statusCode, 201, aefi.body);
      for (const table of ['vaccination_doses', 'vaccination_adverse_events'])
        assert.deepEqual(
          (
            await db.query(
              `select unit_structure, commune_code, district_code from ${table} where person_id = $1`,
              [visitor],
            )
          )[0],
          { unit_structure: 'pre2025', commune_code: '00004', district_code: '001' },
          table,
        );

      // A citizen looking for slots in 2025's 00004 finds Phường Ba Đình's, not Trúc Bạch's.
      assert.equal((await slot(admin, provinceCampaign, oldSiteId, 3)).statusCode, 400);
      await db.query(
        `insert into vaccination_slots (site_id, campaign_id, starts_at, ends_at, capacity)
         values ($1, $2, now() + interval '5 hours', now() + interval '6 hours', 5)`,
        [oldSiteId, provinceCampaign],
      );
      const phone = nextPhone();
      await createPerson(db, { phone: `+84${phone.slice(1)}` });
      const citizen = (await signInCitizen(app, phone)).headers;
      const open = await app.inject({
        method: 'GET',
        url: '/api/vaccination/slots?communeCode=00004',
        headers: citizen,
      });
      assert.equal(open.statusCode, 200, open.body);
      assert.deepEqual([...new Set(open.json().map((s: { siteId: string }) => s.siteId))], [site.id]);
    });
  });
}
