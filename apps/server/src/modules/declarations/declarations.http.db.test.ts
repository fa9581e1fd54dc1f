import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { personStatus } from '../status';
import { cccdFor } from '../people/people.fixtures';

type Headers = Record<string, string>;

const CLEAN = { symptoms: [], contact_case: false, contact_outbreak_area: false, contact_symptomatic: false };

for (const target of dbTargets()) {
  describe(`declarations HTTP API (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let citizen: Headers;
    let phucXa: Headers;
    let hcmc: Headers;
    let ownId: string;
    let childId: string;
    let warnedId: string;
    let stranger: Headers;

    const post = (headers: Headers, payload: object, key?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/declarations',
        headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
        payload,
      });
    const get = (headers: Headers, url: string) => app.inject({ method: 'GET', url, headers });
    const count = async (sql: string, params: unknown[]) =>
      (await db.query<{ n: number }>(sql, params as never))[0]!.n;

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      citizen = (await signInCitizen(app, '0912000111')).headers;
      phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      hcmc = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      const own = await app.inject({
        method: 'POST',
        url: '/api/me/person',
        headers: citizen,
        payload: { fullName: 'Lê Văn Bình', birthYear: 1980, sex: 'male', communeCode: '00001' },
      });
      assert.equal(own.statusCode, 201, own.body);
      ownId = own.json().id;
      const child = await app.inject({
        method: 'POST',
        url: '/api/me/family',
        headers: citizen,
        payload: {
          fullName: 'Lê Thu Hà',
          birthYear: 2014,
          sex: 'female',
          communeCode: '00001',
          relation: 'con',
        },
      });
      assert.equal(child.statusCode, 201, child.body);
      childId = child.json().id;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('serves the question set in force for each kind, publicly', async () => {
      for (const kind of ['domestic', 'movement', 'entry']) {
        const res = await get({}, `/api/declarations/questions?kind=${kind}`);
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().version, `${kind}-2021.1`);
        assert.ok(res.json().questions.some((q: { id: string }) => q.id === 'symptoms'));
      }
      assert.equal((await get({}, '/api/declarations/questions?kind=tourist')).statusCode, 400);
    });

    it('a clean declaration for oneself raises no warning and no worklist item', async () => {
      const res = await post(citizen, { kind: 'domestic', answers: { ...CLEAN, provinces_visited: ['01'] } });
      assert.equal(res.statusCode, 201, res.body);
      const body = res.json();
      assert.deepEqual(
        [body.personId, body.hasWarning, body.warnings, body.questionSetVersion],
        [ownId, false, [], 'domestic-2021.1'],
      );
      assert.equal(
        await count(`select count(*)::int as n from worklist_items where source_id = $1`, [body.id]),
        0,
      );
      assert.equal((await personStatus(db, ownId)).colour, 'green');
    });

    it('a family member with a symptom: one record, one worklist item, one event, audited, even when retried', async () => {
      const payload = {
        kind: 'domestic',
        personId: childId,
        answers: { ...CLEAN, symptoms: ['fever', 'cough'] },
      };
      const first = await post(citizen, payload, 'decl-retry-1');
      assert.equal(first.statusCode, 201, first.body);
      const again = await post(citizen, payload, 'decl-retry-1');
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().id, first.json().id);
      warnedId = first.json().id;
      assert.equal(first.json().hasWarning, true);
      assert.deepEqual(
        first.json().warnings.map((w: { questionId: string }) => w.questionId),
        ['symptoms'],
      );
      assert.match(first.json().warnings[0].vi, /triệu chứng/);
      assert.equal(
        await count('select count(*)::int as n from declarations where person_id = $1', [childId]),
        1,
      );
      assert.equal(
        await count(`select count(*)::int as n from worklist_items where source_id = $1`, [warnedId]),
        1,
      );
      assert.equal(
        await count(
          `select count(*)::int as n from domain_events where type = 'declaration.submitted' and payload->>'declarationId' = $1`,
          [warnedId],
        ),
        1,
      );
      const audit = await db.query<{ details: { as: string } }>(
        `select details from audit_log where action = 'declaration.create' and person_id = $1`,
        [childId],
      );
      assert.deepEqual(
        audit.map((a) => a.details.as),
        ['family'],
      );
      const stored = await db.query<{ declared_by_person_id: string; commune_code: string }>(
        'select declared_by_person_id, commune_code from declarations where id = $1',
        [warnedId],
      );
      assert.deepEqual(stored[0], { declared_by_person_id: ownId, commune_code: '00001' });

      const worklist = await get(phucXa, '/api/worklist?kind=declaration_warning');
      assert.equal(worklist.statusCode, 200, worklist.body);
      const item = worklist.json().items.find((i: { sourceId: string }) => i.sourceId === warnedId);
      assert.equal(item?.personId, childId);
      const status = await personStatus(db, childId);
      assert.equal(status.colour, 'yellow');
    });

    it('a contact with a case is a high-priority item and reported to the status source', async () => {
      const res = await post(citizen, { kind: 'domestic', answers: { ...CLEAN, contact_case: true } });
      assert.equal(res.statusCode, 201, res.body);
      const rows = await db.query<{ priority: string; commune_code: string }>(
        'select priority, commune_code from worklist_items where source_id = $1',
        [res.json().id],
      );
      assert.deepEqual(rows, [{ priority: 'high', commune_code: '00001' }]);
      const facts = await db.query<{ fact_kinds: string[] }>(
        'select fact_kinds from declarations where id = $1',
        [res.json().id],
      );
      assert.deepEqual(facts[0]!.fact_kinds, ['contact_reported']);
    });

    it('records movement and entry declarations against their own question sets', async () => {
      const movement = await post(citizen, {
        kind: 'movement',
        answers: {
          vehicle_type: 'coach',
          vehicle_number: '29B-123.45',
          seat: '12A',
          origin_province: '01',
          origin_point: 'Bến xe Mỹ Đình',
          destination_province: '79',
          destination_point: 'Bến xe Miền Đông',
          departure_date: '2021-08-20',
          symptoms: [],
          contact_case: false,
        },
      });
      assert.equal(movement.statusCode, 201, movement.body);
      assert.equal(movement.json().questionSetVersion, 'movement-2021.1');
      const entry = {
        passport: 'C1234567',
        nationality: 'VN',
        entry_by: 'air',
        border_gate: 'Sân bay Nội Bài',
        flight: 'VN0411',
        seat: '3C',
        arrival_date: '2021-08-21',
        countries_visited: ['KR', 'JP'],
        quarantine_commune: '00001',
        quarantine_street: 'Số 5 Phó Đức Chính',
        vaccination: 'full',
        test_type: 'rt_pcr',
        test_date: '2021-08-19',
        test_result: 'negative',
        symptoms: [],
        contact_case: false,
      };
      const ok = await post(citizen, { kind: 'entry', answers: entry });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().hasWarning, false);
      const bad = await post(citizen, { kind: 'entry', answers: { ...entry, quarantine_commune: '99999' } });
      assert.equal(bad.statusCode, 400);
      assert.deepEqual(
        bad.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
        [['answers.quarantine_commune', 'COMMUNE_NOT_FOUND']],
      );
    });

    it('refuses bad input with details per question, and records nothing', async () => {
      const before = await count('select count(*)::int as n from declarations', []);
      const res = await post(citizen, {
        kind: 'domestic',
        answers: { ...CLEAN, contact_case: 'có', favourite_food: 'phở', symptoms: ['sneezing'] },
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        res
          .json()
          .error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`)
          .sort(),
        [
          'answers.contact_case:WRONG_TYPE',
          'answers.favourite_food:UNKNOWN_QUESTION',
          'answers.symptoms:INVALID_VALUE',
        ],
      );
      const missing = await post(citizen, { kind: 'domestic', answers: {} });
      assert.equal(missing.json().error.details.length, 4);
      assert.equal((await post(citizen, { answers: CLEAN })).statusCode, 400);
      assert.equal((await post(citizen, { kind: 'domestic', answers: 'yes' })).statusCode, 400);
      const huge = await post(citizen, {
        kind: 'domestic',
        answers: { ...CLEAN, places_visited: 'x'.repeat(70_000) },
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(huge.json().error.code, 'PAYLOAD_TOO_LARGE');
      const broken = await app.inject({
        method: 'POST',
        url: '/api/declarations',
        headers: { ...citizen, 'content-type': 'application/json' },
        payload: '{"kind": "domestic", "answers": {',
      });
      assert.equal(broken.statusCode, 400);
      assert.equal((await post({}, { kind: 'domestic', answers: CLEAN })).statusCode, 401);
      const reused = await post(citizen, { kind: 'domestic', answers: CLEAN }, 'decl-retry-1');
      assert.equal(reused.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(await count('select count(*)::int as n from declarations', []), before);
    });

    it('a citizen may declare only for themselves and their family', async () => {
      const other = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: phucXa,
        payload: { fullName: 'Người Lạ', birthYear: 1970, sex: 'male', communeCode: '00001' },
      });
      const res = await post(citizen, { kind: 'domestic', personId: other.json().id, answers: CLEAN });
      assert.equal(res.statusCode, 403);
      stranger = (await signInCitizen(app, '0912000999')).headers;
      const none = await post(stranger, { kind: 'domestic', answers: CLEAN });
      assert.equal(none.statusCode, 409);
      assert.equal(none.json().error.details[0].code, 'NO_OWN_RECORD');
    });

    it('venue staff declare for a visitor found or registered by CCCD', async () => {
      const venue = await signInAs(app, db, { role: 'venue_manager', unitCode: '00001' });
      const cccd = cccdFor(1950, 'female', '79');
      const unknown = await post(venue.headers, { kind: 'domestic', visitor: { cccd }, answers: CLEAN });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details[0].code, 'VISITOR_DETAILS_REQUIRED');
      const visitor = {
        cccd,
        fullName: 'Trần Thị Mai',
        birthYear: 1950,
        sex: 'female',
        communeCode: '26800',
      };
      const venueId = '5f0c7f5e-2b1a-4d6e-9a51-0c7d3c1e2f40';
      const first = await post(venue.headers, {
        kind: 'domestic',
        visitor,
        venueId,
        answers: { ...CLEAN, symptoms: ['fatigue'] },
      });
      assert.equal(first.statusCode, 201, first.body);
      // The number alone is refused whether or not it is registered: no oracle, no attaching by number.
      const bare = await post(venue.headers, { kind: 'domestic', visitor: { cccd }, answers: CLEAN });
      assert.deepEqual(
        [bare.statusCode, bare.json().error.details[0].code],
        [unknown.statusCode, 'VISITOR_DETAILS_REQUIRED'],
      );
      const again = await post(venue.headers, { kind: 'domestic', visitor, answers: CLEAN });
      assert.equal(again.statusCode, 201, again.body);
      assert.equal(again.json().personId, first.json().personId);
      const rows = await db.query<{
        commune_code: string;
        declared_by_account_id: string;
        venue_id: string | null;
      }>(
        'select commune_code, declared_by_account_id, venue_id from declarations where person_id = $1 order by created_at',
        [first.json().personId],
      );
      assert.deepEqual(
        rows.map((r) => [r.commune_code, r.declared_by_account_id, r.venue_id]),
        [
          ['26800', venue.accountId, venueId],
          ['26800', venue.accountId, null],
        ],
      );
      // The warning goes to the commune where the visitor lives (HCMC), not the venue's.
      const item = await db.query<{ commune_code: string }>(
        'select commune_code from worklist_items where source_id = $1',
        [first.json().id],
      );
      assert.deepEqual(item, [{ commune_code: '26800' }]);
      // The staff account reads back what it submitted; the HCMC officer reads the visitor's history.
      assert.equal((await get(venue.headers, `/api/declarations/${first.json().id}`)).statusCode, 200);
      assert.equal((await get(phucXa, `/api/declarations/${first.json().id}`)).statusCode, 403);
      const history = await get(hcmc, `/api/people/${first.json().personId}/declarations`);
      assert.equal(history.json().items.length, 2);
      assert.equal(
        (await post(citizen, { kind: 'domestic', visitor: { cccd }, answers: CLEAN })).statusCode,
        400,
      );
    });

    it('staff of another area cannot attach a declaration to a person by id or by ID number alone', async () => {
      const cccd = cccdFor(1975, 'male');
      const resident = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: phucXa,
        payload: { fullName: 'Đào Văn Tâm', birthYear: 1975, sex: 'male', cccd, communeCode: '00001' },
      });
      assert.equal(resident.statusCode, 201, resident.body);
      const residentId = resident.json().id;
      const byId = await post(hcmc, { kind: 'domestic', personId: residentId, answers: CLEAN });
      assert.equal(byId.statusCode, 403, byId.body);
      const farVenue = (await signInAs(app, db, { role: 'venue_manager', unitCode: '26800' })).headers;
      const guessed = {
        cccd,
        fullName: 'Nguyễn Văn Khác',
        birthYear: 1975,
        sex: 'male',
        communeCode: '26800',
      };
      const wrong = await post(farVenue, { kind: 'domestic', visitor: guessed, answers: CLEAN });
      assert.equal(wrong.statusCode, 400, wrong.body);
      assert.equal(wrong.json().error.details[0].code, 'VISITOR_DETAILS_MISMATCH');
      const n = 'select count(*)::int as n from declarations where person_id = $1';
      assert.equal(await count(n, [residentId]), 0);
      // The card read at the desk (name and birth year as printed) is what lets a far venue declare.
      const card = { ...guessed, fullName: 'ĐÀO VĂN TÂM' };
      const ok = await post(farVenue, { kind: 'domestic', visitor: card, answers: CLEAN });
      assert.equal(ok.statusCode, 201, ok.body);
      assert.equal(ok.json().personId, residentId);
      // Officers of the person's own area declare by id.
      const own = await post(phucXa, { kind: 'domestic', personId: residentId, answers: CLEAN });
      assert.equal(own.statusCode, 201, own.body);
    });

    it('reads are scoped and audited', async () => {
      const mine = await get(citizen, '/api/me/declarations');
      assert.equal(mine.statusCode, 200);
      const items = mine.json().items as { personId: string; declaredBy: string; personName: string }[];
      assert.ok(
        items.some(
          (i) => i.personId === childId && i.declaredBy === 'family' && i.personName === 'Lê Thu Hà',
        ),
      );
      assert.ok(items.some((i) => i.personId === ownId && i.declaredBy === 'self'));
      assert.ok(items.every((i) => [ownId, childId].includes(i.personId)));

      const one = await get(citizen, `/api/declarations/${warnedId}`);
      assert.equal(one.statusCode, 200, one.body);
      assert.deepEqual(one.json().answers.symptoms, ['fever', 'cough']);
      assert.equal((await get(hcmc, `/api/declarations/${warnedId}`)).statusCode, 403);
      assert.equal((await get(phucXa, `/api/declarations/${warnedId}`)).statusCode, 200);
      assert.equal((await get(stranger, `/api/declarations/${warnedId}`)).statusCode, 404);
      assert.equal((await get(hcmc, `/api/people/${childId}/declarations`)).statusCode, 403);
      const list = await get(phucXa, `/api/people/${childId}/declarations`);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json().items.map((i: { id: string }) => i.id),
        [warnedId],
      );

      const reads = await db.query<{ actor_role: string; details: { declarationIds: string[] } }>(
        `select actor_role, details from audit_log where action = 'declaration.read' and person_id = $1 order by id`,
        [childId],
      );
      assert.deepEqual(
        reads.map((r) => r.actor_role),
        ['citizen', 'citizen', 'commune_officer', 'commune_officer'],
      );
      assert.ok(reads.every((r) => r.details.declarationIds.includes(warnedId)));
    });

    it("an officer of the area holds a person's declarations for an investigation, audited", async () => {
      const hold = (headers: Headers, payload: object) =>
        app.inject({ method: 'POST', url: `/api/people/${childId}/declaration-holds`, headers, payload });
      const until = new Date(Date.now() + 60 * 24 * 3600 * 1000).toISOString();
      const reason = 'Điều tra ổ dịch chợ Long Biên';
      assert.equal((await hold(hcmc, { until, reason })).statusCode, 403);
      assert.equal((await hold(citizen, { until, reason })).statusCode, 403);
      const past = await hold(phucXa, { until: '2021-01-01T00:00:00Z', reason });
      assert.equal(past.json().error.details[0].code, 'HOLD_UNTIL_RANGE');
      const ok = await hold(phucXa, { until, reason });
      assert.equal(ok.statusCode, 201, ok.body);
      const rows = await db.query<{ held_until: Date }>(
        'select held_until from declaration_holds where person_id = $1',
        [childId],
      );
      assert.deepEqual(
        rows.map((r) => r.held_until.toISOString()),
        [until],
      );
      const audit = await db.query<{ reason: string }>(
        `select reason from audit_log where action = 'declaration.hold' and person_id = $1`,
        [childId],
      );
      assert.deepEqual(audit, [{ reason }]);
    });

    it('lists a person’s declaration holds and releases one early, keeping its row, audited', async () => {
      const url = `/api/people/${childId}/declaration-holds`;
      const until = new Date(Date.now() + 30 * 24 * 3600 * 1000).toISOString();
      const short = await app.inject({
        method: 'POST',
        url,
        headers: phucXa,
        payload: { until, reason: ' ngắn ' },
      });
      assert.equal(short.json().error.details[0].code, 'REASON_TOO_SHORT');
      const headers = { ...phucXa, 'idempotency-key': crypto.randomUUID() };
      const payload = { until, reason: 'Truy vết chùm ca bệnh trường Phúc Xá' };
      const placed = await app.inject({ method: 'POST', url, headers, payload });
      assert.equal(placed.statusCode, 201, placed.body);
      const again = await app.inject({ method: 'POST', url, headers, payload });
      assert.equal(again.json().id, placed.json().id, 'a retry answers the stored hold');

      assert.equal((await app.inject({ method: 'GET', url, headers: hcmc })).statusCode, 403);
      const list = await app.inject({ method: 'GET', url: `${url}?active=true`, headers: phucXa });
      assert.equal(list.statusCode, 200, list.body);
      assert.equal(list.json().items.length, 2, 'this hold and the earlier one');
      const release = (h: Headers) =>
        app.inject({
          method: 'POST',
          url: `/api/declaration-holds/${placed.json().id}/release`,
          headers: h,
        });
      assert.equal((await release(hcmc)).statusCode, 404);
      const done = await release(phucXa);
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().active, false);
      assert.equal(done.json().releasedAt, done.json().heldUntil, 'released, not run out');
      assert.equal(placed.json().releasedAt, null);
      const active = await app.inject({ method: 'GET', url: `${url}?active=true`, headers: phucXa });
      assert.equal(active.json().items.length, 1);
      const all = await app.inject({ method: 'GET', url, headers: phucXa });
      assert.equal(all.json().items.length, 2);
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where action like 'declaration.hold%' and person_id = $1 order by id`,
        [childId],
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'declaration.hold',
          'declaration.hold',
          'declaration.hold.read',
          'declaration.hold.release',
          'declaration.hold.read',
          'declaration.hold.read',
        ],
      );
    });
  });
}
