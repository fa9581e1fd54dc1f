import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { VN_2021_TRACING_RULES as RULES } from '@phongdich/domain';
import type { Db, Param, Queryable } from '../../core/db/db';
import { unitStart } from '../../core/db/partitions';
import { vacuumClosedCheckinDays } from '../checkins';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import { createCasePerson } from '../cases/cases.fixtures';
import { citizenWithPerson } from '../checkins/checkins.fixtures';
import { checkin, openCase, venueOf } from './tracing.fixtures';
import { runProximityRetention } from './tracing.proximity';
import { findCandidates, type Subject } from './tracing.discovery';

const MIN = 60_000;
const H = 3_600_000;
const DAY = 24 * H;
/** 10:00 Vietnam time, `daysAgo` days before today. */
function vnAt(daysAgo: number, hh: number, mm = 0): Date {
  const today = new Date(Date.now() + 7 * H).toISOString().slice(0, 10);
  const base = Date.parse(`${today}T00:00:00+07:00`) - daysAgo * DAY;
  return new Date(base + hh * H + mm * 60_000);
}
const vnDay = (d: Date) => new Date(d.getTime() + 7 * H).toISOString().slice(0, 10);

for (const target of dbTargets()) {
  describe(`contact tracing (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let phucXa: SessionHeaders;
    let trucBach: SessionHeaders;
    const p = {} as Record<'X' | 'A' | 'B' | 'D' | 'E' | 'F' | 'G' | 'H' | 'J' | 'L', string>;
    let caseId: string;
    let restaurant: string;
    type Citizen = Awaited<ReturnType<typeof citizenWithPerson>>;
    let citizenA: Citizen;
    let citizenX: Citizen;

    type Headers = Record<string, string>;
    const get = (url: string, headers: Headers) => app.inject({ method: 'GET', url, headers });
    const post = (url: string, headers: Headers, payload?: object) =>
      app.inject({ method: 'POST', url, headers, ...(payload ? { payload } : {}) });
    const contactOf = async (personId: string, headers = phucXa) => {
      const res = await get(`/api/tracing/cases/${caseId}/contacts`, headers);
      assert.equal(res.statusCode, 200, res.body);
      return (res.json().items as { personId: string; id: string; [k: string]: unknown }[]).find(
        (c) => c.personId === personId,
      );
    };

    /** The plan PostgreSQL picks when it may not scan a table whole. */
    const planOf = (sql: string) =>
      db.transaction(async (tx) => {
        await tx.query('set local enable_seqscan = off');
        const rows = await tx.query<{ 'QUERY PLAN': string }>(`explain ${sql}`);
        return rows.map((r) => r['QUERY PLAN']).join('\n');
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      trucBach = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' })).headers;
      citizenX = await citizenWithPerson(app, '0901000001', {
        fullName: 'Lê Thị Ca',
        street: 'Số 9 Hàng Bún',
      });
      citizenA = await citizenWithPerson(app, '0901000002', {
        fullName: 'Phạm Văn Á',
        street: 'Số 3 Yên Phụ',
      });
      p.X = citizenX.personId;
      p.A = citizenA.personId;
      for (const k of ['B', 'D', 'E', 'F', 'J', 'L'] as const)
        p[k] = await createCasePerson(db, { fullName: `Người ${k}`, phone: `09020000${k.charCodeAt(0)}` });
      p.G = await createCasePerson(db, { fullName: 'Người G cùng nhà' });
      await db.query(`update persons set street = '  số 9  hàng bún ' where id = $1`, [p.G]);
      p.H = await createCasePerson(db, {
        fullName: 'Người H Trúc Bạch',
        communeCode: '00004',
        phone: '0902000099',
      });

      restaurant = await venueOf(db, 'restaurant', { name: 'Quán Phở Bí Mật' });
      const market = await venueOf(db, 'market');
      const stall = await venueOf(db, 'shop', { parentId: market });
      const office = await venueOf(db, 'office');
      // The case at the restaurant 10:00–11:00 two days ago, at the market 14:00–15:00.
      await checkin(db, p.X, restaurant, vnAt(2, 10), vnAt(2, 11));
      await checkin(db, p.X, market, vnAt(2, 14), vnAt(2, 15));
      await checkin(db, p.A, restaurant, vnAt(2, 10, 30), vnAt(2, 11, 30)); // 30 min overlap
      await checkin(db, p.B, restaurant, vnAt(2, 11), vnAt(2, 11, 20)); // touches the end: none
      await checkin(db, p.D, restaurant, vnAt(2, 9)); // no check-out: 60 min default, ends at 10:00
      await checkin(db, p.E, restaurant, vnAt(2, 9, 30)); // no check-out: until 10:30, estimated
      await checkin(db, p.F, stall, vnAt(2, 14, 30)); // a stall of the market: shop default 20 min
      await checkin(db, p.H, restaurant, vnAt(2, 10, 15), vnAt(2, 10, 45)); // lives in Trúc Bạch
      await checkin(db, p.L, restaurant, vnAt(9, 10), vnAt(9, 11)); // a week before the window
      // A, later, at an office with J: F2 once A is confirmed.
      await checkin(db, p.A, office, vnAt(1, 8), vnAt(1, 12));
      await checkin(db, p.J, office, vnAt(1, 9), vnAt(1, 17));

      const opened = await openCase(db, p.X, vnDay(vnAt(1, 12)), vnDay(vnAt(2, 0)));
      caseId = opened.caseId;
      // The case.opened event reaches tracing's handler.
      await app.events.pass();
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('finds candidates from case.opened: overlap edges, missing check-outs, stalls, household', async () => {
      const res = await get(`/api/tracing/cases/${caseId}/contacts`, phucXa);
      assert.equal(res.statusCode, 200, res.body);
      const items = res.json().items as {
        personId: string;
        evidence: { kind: string; via?: string; estimated?: boolean; overlapMinutes?: number }[];
        score: number;
      }[];
      const by = new Map(items.map((c) => [c.personId, c]));
      assert.ok(by.has(p.A), 'A overlaps 30 min');
      assert.equal(by.get(p.A)!.evidence[0]!.overlapMinutes, 30);
      assert.ok(!by.has(p.B), 'B only touches the end');
      assert.ok(!by.has(p.D), 'D’s default stay ends when the case arrives');
      assert.equal(by.get(p.E)?.evidence[0]?.estimated, true, 'E has no check-out: estimated');
      assert.equal(by.get(p.F)?.evidence[0]?.via, 'child', 'F at a stall of the market');
      assert.equal(by.get(p.G)?.evidence[0]?.kind, 'household', 'G at the same address');
      assert.ok(by.has(p.H));
      assert.ok(!by.has(p.L), 'L was there a week before the window');
      assert.ok(!by.has(p.X), 'never the case');
      // The same street is found by migration 0080's index (with scans off, to prove the query's
      // expression is the index's: on these few rows the planner would rightly scan).
      assert.match(
        await planOf(
          `select p.id from persons p where p.unit_structure = 'pre2025' and p.commune_code = '00001'
             and p.merged_into is null and p.street is not null
             and lower(regexp_replace(trim(p.street), '\\s+', ' ', 'g')) = 'số 9 hàng bún'`,
        ),
        /persons_street_key_idx/,
      );
      const scores = items.map((c) => c.score);
      assert.deepEqual(
        scores,
        [...scores].sort((a, b) => b - a),
        'ranked by score',
      );
    });

    it('re-running discovery updates and never duplicates', async () => {
      const before = await db.query<{ n: number }>(
        'select count(*)::int as n from contacts where root_case_id = $1',
        [caseId],
      );
      const res = await post(`/api/tracing/cases/${caseId}/discover`, phucXa);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().changed, 0);
      const after = await db.query<{ n: number }>(
        'select count(*)::int as n from contacts where root_case_id = $1',
        [caseId],
      );
      assert.equal(after[0]!.n, before[0]!.n);
    });

    it('contacts living elsewhere belong to their unit; the case’s officer sees them masked', async () => {
      const h = await contactOf(p.H);
      assert.equal(h?.masked, true);
      assert.notEqual(h?.fullName, 'Người H Trúc Bạch');
      assert.deepEqual(h?.evidence, [{ kind: 'checkin' }], 'no venue or time outside the area');
      const there = await get(`/api/tracing/cases/${caseId}/contacts`, trucBach);
      const items = there.json().items as { personId: string; fullName: string; masked: boolean }[];
      assert.deepEqual(
        items.map((i) => [i.personId, i.fullName, i.masked]),
        [[p.H, 'Người H Trúc Bạch', false]],
      );
      const area = await get('/api/tracing/contacts?status=candidate', trucBach);
      assert.deepEqual(
        (area.json().items as { personId: string }[]).map((i) => i.personId),
        [p.H],
      );
      // Phúc Xá cannot decide for Trúc Bạch.
      const refused = await post(`/api/tracing/contacts/${h!.id}/confirm`, phucXa);
      assert.equal(refused.statusCode, 403);
    });

    it('confirm: an SMS that names no case and no place, the colour, both events; dismiss needs a reason', async () => {
      const a = await contactOf(p.A);
      const res = await post(`/api/tracing/contacts/${a!.id}/confirm`, phucXa);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().status, 'confirmed');
      const again = await post(`/api/tracing/contacts/${a!.id}/confirm`, phucXa);
      assert.equal(again.statusCode, 200, 'confirming twice is the same confirmation');
      const sms = await db.query<{ body: string }>(
        `select body from outbox_messages where subject = 'tracing.contact'`,
      );
      assert.equal(sms.length, 1, 'one notice, even confirmed twice');
      assert.match(sms[0]!.body, /F1/);
      for (const secret of ['Lê Thị Ca', 'Quán Phở', caseId, p.X])
        assert.ok(!sms[0]!.body.includes(secret), secret);
      const events = await db.query<{ type: string; payload: Record<string, unknown> }>(
        `select type, payload from domain_events where type in ('contact.confirmed', 'quarantine.proposed') order by id`,
      );
      assert.deepEqual(
        events.map((e) => e.type),
        ['contact.confirmed', 'quarantine.proposed'],
      );
      assert.equal(events[0]!.payload.subjectCaseId, caseId);
      assert.equal(events[0]!.payload.generation, 1);
      assert.equal(events[1]!.payload.reason, 'contact');
      const status = await get(`/api/people/${p.A}/status`, phucXa);
      assert.equal(status.json().colour, 'orange', 'an F1 is orange, not an F0’s red');

      const e = await contactOf(p.E);
      const noReason = await post(`/api/tracing/contacts/${e!.id}/dismiss`, phucXa, { reason: ' ' });
      assert.equal(noReason.json().error.code, 'CONTACT_DISMISS_REASON_REQUIRED');
      const dismissed = await post(`/api/tracing/contacts/${e!.id}/dismiss`, phucXa, {
        reason: 'Đã rời đi trước',
      });
      assert.equal(dismissed.json().status, 'dismissed');
      const late = await post(`/api/tracing/contacts/${a!.id}/dismiss`, phucXa, { reason: 'x' });
      assert.equal(late.json().error.code, 'CONTACT_ALREADY_CONFIRMED');
    });

    it('the contact’s own page says the day and what to do, never who or where', async () => {
      const res = await get('/api/me/exposures', citizenA.headers);
      assert.equal(res.statusCode, 200, res.body);
      const [n] = res.json().items as { generation: number; exposureDate: string }[];
      assert.equal(n?.generation, 1);
      assert.equal(n?.exposureDate, vnDay(vnAt(2, 0)));
      for (const secret of ['Lê Thị Ca', 'Quán Phở', caseId, p.X, restaurant])
        assert.ok(!res.body.includes(secret), secret);
    });

    it('F2 from a confirmed F1’s own check-ins, generation 2, the case never listed', async () => {
      const a = await contactOf(p.A);
      const res = await post(`/api/tracing/contacts/${a!.id}/expand`, phucXa);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().generation, 2);
      const f2 = await get(`/api/tracing/cases/${caseId}/contacts?generation=2`, phucXa);
      const ids = (f2.json().items as { personId: string; subjectId: string }[]).map((i) => i.personId);
      assert.ok(ids.includes(p.J), 'J worked with A');
      assert.ok(
        !ids.includes(p.H),
        'H was with A only while both were with the case: an F1, not again an F2',
      );
      assert.ok(!ids.includes(p.X));
      const e = await contactOf(p.E);
      assert.equal(
        (await post(`/api/tracing/contacts/${e!.id}/expand`, phucXa)).json().error.code,
        'CONTACT_NOT_CONFIRMED',
      );
    });

    it('bulk decisions for a venue’s list stay inside the officer’s area', async () => {
      const res = await post(`/api/tracing/cases/${caseId}/contacts/bulk`, phucXa, {
        venueId: restaurant,
        decision: 'dismiss',
        reason: 'Bàn ngoài trời',
      });
      assert.equal(res.statusCode, 200, res.body);
      // A is confirmed and E dismissed already; H (F1) is Trúc Bạch's; B is A's F2 there (11:00–11:20,
      // after A's exposure to the case ended, while A was still there).
      assert.deepEqual(res.json(), { done: 1, outsideArea: 1 });
    });

    it('proximity: rotating ids, a one-time code, a bounded idempotent upload resolved to people', async () => {
      const k = await citizenWithPerson(app, '0901000003', {
        fullName: 'Người K Bluezone',
        street: 'Số 5 Quán Thánh',
      });
      const today = vnDay(new Date());
      const ids = await get(`/api/me/proximity/ids?day=${today}`, k.headers);
      assert.equal(ids.statusCode, 200, ids.body);
      const list = ids.json().identifiers as { id: string; validFrom: string; validTo: string }[];
      assert.equal(list.length, 96);
      assert.deepEqual(
        (await get(`/api/me/proximity/ids?day=${today}`, k.headers)).json().identifiers,
        list,
        'stable',
      );
      assert.equal(
        (await get('/api/me/proximity/ids?day=2020-01-01', k.headers)).json().error.code,
        'PROXIMITY_DAY_OUT_OF_RANGE',
      );
      assert.equal(
        (await get('/api/me/proximity/ids?day=2026-02-30', k.headers)).statusCode,
        400,
        'no such day',
      );
      // Heard a minute ago: the identifier of that minute's interval (today's first one just after midnight).
      const heard = Date.now() - 60_000;
      const current =
        list.find((i) => Date.parse(i.validFrom) <= heard && heard < Date.parse(i.validTo)) ?? list[0]!;
      const at = new Date(Math.max(Date.parse(current.validFrom), heard)).toISOString();
      const code = await post(`/api/tracing/cases/${caseId}/proximity-code`, phucXa);
      assert.equal(code.statusCode, 201, code.body);
      const body = {
        uploadId: randomUUID(),
        code: code.json().code as string,
        encounters: [
          { identifier: current.id, at, durationMinutes: 20, rssi: -55 },
          { identifier: 'AAAAAAAAAAAAAAAAAAAAAA', at, durationMinutes: 30, rssi: -50 },
        ],
      };
      assert.equal(
        (await post('/api/proximity/uploads', k.headers, body)).json().error.code,
        'PROXIMITY_CODE_INVALID',
        'not K’s case',
      );
      const up = await post('/api/proximity/uploads', citizenX.headers, body);
      assert.equal(up.statusCode, 201, up.body);
      assert.deepEqual([up.json().encounters, up.json().resolved], [2, 1]);
      const retry = await post('/api/proximity/uploads', citizenX.headers, body);
      assert.deepEqual([retry.statusCode, retry.json().duplicate], [200, true]);
      const reuse = await post('/api/proximity/uploads', citizenX.headers, {
        ...body,
        uploadId: randomUUID(),
      });
      assert.equal(reuse.json().error.code, 'PROXIMITY_CODE_INVALID', 'a code works once');
      const tooMany = await post('/api/proximity/uploads', citizenX.headers, {
        ...body,
        uploadId: randomUUID(),
        encounters: Array.from({ length: 5001 }, () => body.encounters[0]),
      });
      assert.equal(tooMany.statusCode, 400);
      const kc = await contactOf(k.personId);
      assert.equal((kc?.evidence as { kind: string }[] | undefined)?.[0]?.kind, 'proximity');
      assert.equal(await db.query('select 1 from proximity_encounters').then((r) => r.length), 2);
    });

    it('encounter logs and identifiers go after the rules’ retention (21 days), younger ones stay', async () => {
      const kept = await runProximityRetention(db);
      assert.deepEqual([kept.encounters, kept.uploads], [0, 0], 'nothing is old yet');
      await db.query(`update proximity_encounters set at = now() - interval '22 days'`);
      await db.query(`update proximity_uploads set received_at = now() - interval '22 days'`);
      await db.query(
        `update proximity_identifiers set valid_to = now() - interval '22 days' where valid_from < now()`,
      );
      const evidenceOf = async () =>
        (
          await db.query<{ status: string; evidence: Record<string, unknown>[] }>(
            `select status, evidence from contacts where evidence @> '[{"kind": "proximity"}]'`,
          )
        ).flatMap((r) =>
          r.evidence
            .filter((e) => e.kind === 'proximity')
            .map((e): Record<string, unknown> => ({ ...e, status: r.status })),
        );
      // K is confirmed (a decided contact: the row outlives the log).
      const [kc] = await db.query<{ id: string }>(
        `select id::text as id from contacts where evidence @> '[{"kind": "proximity"}]' and status = 'candidate'`,
      );
      const decided = await post(`/api/tracing/contacts/${kc!.id}/confirm`, phucXa);
      assert.equal(decided.statusCode, 200, decided.body);
      const fresh = await evidenceOf();
      assert.ok(fresh.some((e) => e.status === 'confirmed'));
      assert.ok(fresh.length > 0 && fresh.every((e) => typeof e.rssi === 'number' && e.uploadId));
      // The evidence's own time is what the retention reads (the contact row's copy of the encounter).
      await db.query(
        `update contacts set evidence = (select jsonb_agg(case when e->>'kind' = 'proximity'
            then jsonb_set(e, '{at}', to_jsonb(to_char((now() - interval '22 days') at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'))) else e end)
            from jsonb_array_elements(evidence) e)
          where evidence @> '[{"kind": "proximity"}]'`,
      );
      // The job reads only contacts still naming an upload, through migration 0079's partial index.
      assert.match(
        await planOf(
          `select id from contacts
            where jsonb_path_exists(evidence, '$[*] ? (@.kind == "proximity" && exists(@.uploadId))')`,
        ),
        /contacts_proximity_unstripped_idx/,
      );
      const gone = await runProximityRetention(db);
      assert.ok((gone.evidenceStripped ?? 0) > 0);
      const stripped = await evidenceOf();
      assert.equal(stripped.length, fresh.length, 'the exposure stays on the contact');
      for (const e of stripped) {
        assert.ok(!('rssi' in e) && !('uploadId' in e), 'no signal strength or upload past the retention');
        assert.equal(typeof e.at, 'string');
        assert.equal(typeof e.durationMinutes, 'number');
      }
      assert.equal((await runProximityRetention(db)).evidenceStripped, 0, 'once');
      // Learned later: K lives with the case. A re-run adds the household and keeps the encounter
      // whose log is gone.
      const kPerson = (
        await db.query<{ person_id: string }>('select person_id::text from contacts where id = $1', [kc!.id])
      )[0]!.person_id;
      await db.query('insert into person_family_links (person_id, member_id, relation) values ($1, $2, $3)', [
        p.X,
        kPerson,
        'vợ',
      ]);
      const rerun = await post(`/api/tracing/cases/${caseId}/discover`, phucXa);
      assert.equal(rerun.statusCode, 200, rerun.body);
      const kinds = (
        await db.query<{ evidence: { kind: string }[] }>('select evidence from contacts where id = $1', [
          kc!.id,
        ])
      )[0]!.evidence.map((e) => e.kind);
      assert.deepEqual(kinds.sort(), ['household', 'proximity'], 'the encounter outlives its log');
      assert.deepEqual(
        (await evidenceOf()).map(({ at, durationMinutes }) => ({ at, durationMinutes })),
        stripped.map(({ at, durationMinutes }) => ({ at, durationMinutes })),
      );
      assert.equal(gone.encounters, 2);
      assert.equal(gone.uploads, 1);
      assert.ok((gone.identifiers ?? 0) > 0);
      assert.equal((await db.query('select 1 from proximity_encounters')).length, 0);
      assert.ok(
        (await db.query('select 1 from proximity_identifiers')).length > 0,
        'tomorrow’s identifiers stay',
      );
    });

    it('the chain graph shows the case, its contacts and the F2 edge', async () => {
      const res = await get(`/api/tracing/graph?caseId=${caseId}&includeCandidates=true`, phucXa);
      assert.equal(res.statusCode, 200, res.body);
      const g = res.json() as {
        nodes: { id: string; kind: string }[];
        edges: { source: string; target: string; generation: number }[];
      };
      assert.equal(g.nodes.find((n) => n.id === p.X)?.kind, 'case');
      assert.ok(g.edges.some((e) => e.source === p.X && e.target === p.A));
      assert.ok(g.edges.some((e) => e.source === p.A && e.target === p.J && e.generation === 2));
      assert.ok(!g.edges.some((e) => e.target === p.E), 'dismissed contacts are not drawn');
    });
  });
}

/**
 * Candidate discovery across a partition boundary (check-ins are partitioned by UTC day) with open
 * check-outs, and the plan it runs: the check-in reads are index-only (migration 0066) once the closed
 * days are vacuumed, and the candidates are the same before and after.
 */
for (const target of dbTargets()) {
  describe(`candidate discovery across midnight, index-only (${target.name})`, () => {
    let db: Db;
    /** UTC midnight two days ago: the boundary between two daily partitions, both closed days. */
    const mid = unitStart('day', new Date(Date.now() - 2 * DAY)).getTime();
    const at = (minutes: number) => new Date(mid + minutes * MIN);
    const p = {} as Record<'X' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
    let subject: Subject;
    let restaurant: string;
    let stall: string;

    before(async () => {
      db = await target.open();
      for (const k of Object.keys({ X: 0, A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 }))
        p[k as keyof typeof p] = randomUUID();
      restaurant = await venueOf(db, 'restaurant'); // 60 min without a check-out
      const market = await venueOf(db, 'market'); // 60 min
      stall = await venueOf(db, 'shop', { parentId: market }); // 20 min
      // The subject: at the restaurant 23:30–00:40 across midnight, then at the market from 23:50
      // the same night without checking out (until 00:50).
      await checkin(db, p.X, restaurant, at(-30), at(40));
      await checkin(db, p.X, market, at(-10));
      await checkin(db, p.A, restaurant, at(-180), at(-20)); // earlier partition, left 23:40: 10 min
      await checkin(db, p.B, restaurant, at(10)); // later partition, open: 00:10–01:10, 30 min
      await checkin(db, p.C, restaurant, at(-120)); // open, its 60 min end at 23:00: none
      await checkin(db, p.D, restaurant, at(-660), at(5)); // 11 h stay, left 00:05: 35 min
      await checkin(db, p.E, restaurant, at(-780), at(10)); // 13 h: capped at 12 h, ends 23:00: none
      await checkin(db, p.F, stall, at(20)); // a stall of the market, open: 00:20–00:40, 20 min
      await checkin(db, p.G, restaurant, at(40), at(90)); // arrives as the subject leaves: touches only
      const z = '00000000-0000-0000-0000-000000000000';
      subject = {
        kind: 'contact',
        id: z,
        rootCaseId: z,
        personId: p.X,
        generation: 1,
        window: { start: new Date(mid - DAY), end: new Date(mid + DAY) },
        exclude: [],
      };
    });
    after(async () => db.close());

    type Found = Awaited<ReturnType<typeof findCandidates>>['found'];
    const summary = (found: Found) =>
      [...found]
        .flatMap(([person, list]) =>
          list.map((e) =>
            e.kind === 'checkin'
              ? `${person}|${e.venueId}|${e.via ?? ''}|${e.from}|${e.to}|${e.overlapMinutes}|${e.estimated}`
              : `${person}|${e.kind}`,
          ),
        )
        .sort();

    /** findCandidates with its queries recorded. */
    async function discover(): Promise<{ found: Found; sent: { sql: string; params: readonly Param[] }[] }> {
      const sent: { sql: string; params: readonly Param[] }[] = [];
      const spy: Queryable = {
        query<T>(sql: string, params?: readonly Param[]) {
          sent.push({ sql, params: params ?? [] });
          return db.query<T>(sql, params);
        },
        exec: (sql) => db.exec(sql),
      };
      return { found: (await findCandidates(spy, subject, RULES)).found, sent };
    }

    it('finds the overlaps on both sides of midnight, open check-outs by the default stay, the longest stay', async () => {
      const { found, sent } = await discover();
      const visit = (person: string) => {
        const e = found.get(person)?.[0];
        return e?.kind === 'checkin' ? e : undefined;
      };
      assert.equal(visit(p.A)?.overlapMinutes, 10, 'A left at 23:40');
      assert.equal(visit(p.B)?.overlapMinutes, 30, 'B, no check-out, after midnight');
      assert.equal(visit(p.B)?.estimated, true);
      assert.equal(visit(p.D)?.overlapMinutes, 35, 'D stayed 11 h and left after the subject arrived');
      assert.equal(visit(p.F)?.overlapMinutes, 20, 'F at a stall of the market the subject was at');
      assert.equal(visit(p.F)?.via, 'child');
      for (const k of ['C', 'E', 'G', 'X'] as const) assert.ok(!found.has(p[k]), `${k} is no candidate`);
      // Four round trips: own visits, the points with their family, everyone present, the household.
      assert.equal(sent.length, 4, sent.map((s) => s.sql.slice(0, 60)).join('\n'));
    });

    it('reads the check-ins index-only once the closed days are vacuumed, with the same candidates', async () => {
      const before = summary((await discover()).found);
      const vacuumed = await vacuumClosedCheckinDays(db);
      const day = (t: number) => `checkins_p${new Date(t).toISOString().slice(0, 10).replace(/-/g, '_')}`;
      for (const name of [day(mid - DAY), day(mid)]) assert.ok(vacuumed.includes(name), name);
      assert.ok(!vacuumed.includes(day(Date.now())), 'today is still being written');

      const { found, sent } = await discover();
      assert.deepEqual(summary(found), before);
      const reads = sent.filter((s) => /from checkins\b/.test(s.sql));
      assert.equal(reads.length, 2, 'own visits and everyone present');
      for (const r of reads) {
        // The plan PostgreSQL picks for the real row counts, without the choice of reading a tiny
        // table whole: an index scan either way, index-only when the index carries every column.
        const plan = await db.transaction(async (tx) => {
          await tx.exec('set local enable_seqscan = off; set local enable_bitmapscan = off');
          const rows = await tx.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, costs off, timing off, summary off) ${r.sql}`,
            r.params,
          );
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        });
        const partitions = plan.split('\n').filter((l) => /Scan .*on checkins_p/.test(l));
        assert.ok(partitions.length > 0, plan);
        for (const l of partitions) assert.match(l, /Index Only Scan/, plan);
        const fetched = [...plan.matchAll(/Heap Fetches: (\d+)/g)].map((m) => Number(m[1]));
        assert.ok(fetched.length > 0, plan);
        assert.deepEqual(
          fetched.filter((n) => n > 0),
          [],
          plan,
        );
      }
    });
  });
}
