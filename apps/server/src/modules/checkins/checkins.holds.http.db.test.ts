import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { ensurePartitions } from '../../core/db/partitions';
import { citizenWithPerson, createVenue, nowIso } from './checkins.fixtures';
import { insertCheckins } from './checkins.repository';
import { runCheckinRetention } from './retention';

const DAY = 86_400_000;
type Headers = Record<string, string>;
const FAR = { communeCode: '26800', districtCode: '769', provinceCode: '79' };

for (const target of dbTargets()) {
  describe(`investigation holds on check-ins over HTTP (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let citizen: Awaited<ReturnType<typeof citizenWithPerson>>;
    let officer: Headers;
    let far: Headers;
    let venueId: string;
    let farVenueId: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      citizen = await citizenWithPerson(app, '0977200001'); // lives in Phúc Xá (00001)
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      far = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      venueId = await createVenue(db);
      farVenueId = await createVenue(db, FAR);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
      app.inject({ method, url, headers, payload });
    const hold = (o: { from?: string; to?: string; until?: string; reason?: string } = {}) => ({
      from: o.from ?? nowIso(-10 * DAY),
      to: o.to ?? nowIso(),
      until: o.until ?? nowIso(90 * DAY),
      reason: o.reason ?? 'Điều tra ca F0 tại chợ Long Biên',
    });
    const audits = (action: string, personId: string | null) =>
      db.query<{ reason: string | null; details: Record<string, unknown> }>(
        `select reason, details from audit_log where action = $1 and person_id is not distinct from $2 order by id`,
        [action, personId],
      );

    it('an officer of the area holds a person’s check-ins, once per Idempotency-Key, audited', async () => {
      const url = `/api/people/${citizen.personId}/checkin-holds`;
      assert.equal((await call('POST', url, {}, hold())).statusCode, 401);
      assert.equal((await call('POST', url, citizen.headers, hold())).statusCode, 403);
      assert.equal((await call('POST', url, far, hold())).statusCode, 403);
      const unknown = await call('POST', `/api/people/${randomUUID()}/checkin-holds`, officer, hold());
      assert.equal(unknown.json().error.code, 'PERSON_NOT_FOUND');

      const bad = await call(
        'POST',
        url,
        officer,
        hold({ from: nowIso(DAY), to: nowIso(-DAY), until: nowIso(800 * DAY), reason: '   ngắn    ' }),
      );
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const details = bad.json().error.details as { field: string; code: string; message: object }[];
      assert.deepEqual(
        details.map((d) => [d.field, d.code]),
        [
          ['from', 'HOLD_FROM_FUTURE'],
          ['to', 'HOLD_RANGE_INVALID'],
          ['until', 'HOLD_UNTIL_RANGE'],
          ['reason', 'REASON_TOO_SHORT'],
        ],
      );
      assert.ok(details.every((d) => Object.keys(d.message).sort().join() === 'en,vi'));
      const past = await call('POST', url, officer, hold({ until: nowIso(-60_000) }));
      assert.equal(past.json().error.details[0].code, 'HOLD_UNTIL_RANGE');

      const body = hold({ reason: '  Điều tra ổ dịch phường Phúc Xá  ' });
      const headers = { ...officer, 'idempotency-key': randomUUID() };
      const first = await call('POST', url, headers, body);
      assert.equal(first.statusCode, 201, first.body);
      const h = first.json();
      assert.equal(h.personId, citizen.personId);
      assert.equal(h.venueId, null);
      assert.equal(h.reason, 'Điều tra ổ dịch phường Phúc Xá');
      assert.equal(h.active, true);
      assert.equal(h.heldUntil, body.until);
      const again = await call('POST', url, headers, body);
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().id, h.id, 'a retry answers the stored hold');
      const reused = await call('POST', url, headers, { ...body, reason: 'Một lý do khác hẳn' });
      assert.equal(reused.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
      const rows = await db.query('select 1 from checkin_holds where person_id = $1', [citizen.personId]);
      assert.equal(rows.length, 1);
      const audit = await audits('checkin.hold', citizen.personId);
      assert.equal(audit.length, 1);
      assert.equal(audit[0]!.reason, 'Điều tra ổ dịch phường Phúc Xá');
      assert.equal(audit[0]!.details.holdId, h.id);
    });

    it('holds a point’s check-ins in the point’s commune only', async () => {
      const unknown = await call('POST', `/api/venues/${randomUUID()}/checkin-holds`, officer, hold());
      assert.equal(unknown.json().error.code, 'VENUE_NOT_FOUND');
      const outside = await call('POST', `/api/venues/${farVenueId}/checkin-holds`, officer, hold());
      assert.equal(outside.statusCode, 403);
      const ok = await call('POST', `/api/venues/${venueId}/checkin-holds`, officer, hold());
      assert.equal(ok.statusCode, 201, ok.body);
      assert.deepEqual(
        [ok.json().venueId, ok.json().venueName, ok.json().personId],
        [venueId, 'Cửa hàng Thử', null],
      );
      const theirs = await call('POST', `/api/venues/${farVenueId}/checkin-holds`, far, hold());
      assert.equal(theirs.statusCode, 201, theirs.body);
      assert.equal((await audits('checkin.hold', null)).length, 2);
    });

    it('lists a person’s, a point’s and the whole area’s holds, each within the area', async () => {
      const list = (query: string, headers = officer) => call('GET', `/api/checkin-holds${query}`, headers);
      const ofPerson = await list(`?personId=${citizen.personId}&active=true`);
      assert.equal(ofPerson.statusCode, 200, ofPerson.body);
      assert.equal(ofPerson.json().items.length, 1);
      assert.equal((await audits('checkin.hold.read', citizen.personId)).length, 1);
      assert.equal((await list(`?personId=${citizen.personId}`, far)).statusCode, 403);
      assert.equal((await list(`?personId=${citizen.personId}`, citizen.headers)).statusCode, 403);
      const ofVenue = await list(`?venueId=${venueId}`);
      assert.deepEqual(
        ofVenue.json().items.map((i: { venueId: string }) => i.venueId),
        [venueId],
      );
      const area = await list('');
      const subjects = area
        .json()
        .items.map((i: { personId: string; venueId: string }) => i.personId ?? i.venueId);
      assert.deepEqual(subjects.sort(), [citizen.personId, venueId].sort());
      const farArea = await list('', far);
      assert.deepEqual(
        farArea.json().items.map((i: { venueId: string }) => i.venueId),
        [farVenueId],
      );
      const both = await list(`?personId=${citizen.personId}&venueId=${venueId}`);
      assert.equal(both.json().error.details[0].code, 'ONE_SUBJECT');
    });

    it('releases a hold early, keeping its row; outside the area the hold is not found', async () => {
      const [h] = (await call('GET', `/api/checkin-holds?personId=${citizen.personId}`, officer)).json()
        .items;
      const release = (headers: Headers, id = h.id) =>
        call('POST', `/api/checkin-holds/${id}/release`, headers, { reason: 'Đã xác định xong nguồn lây' });
      assert.equal((await release(citizen.headers)).statusCode, 403);
      assert.equal((await release(far)).json().error?.code, 'NOT_FOUND');
      assert.equal((await release(officer, randomUUID())).json().error?.code, 'NOT_FOUND');
      const done = await release(officer);
      assert.equal(done.statusCode, 200, done.body);
      assert.equal(done.json().active, false);
      assert.ok(new Date(done.json().heldUntil).getTime() <= Date.now());
      assert.equal(done.json().releasedAt, done.json().heldUntil, 'told apart from a hold that ran out');
      assert.equal(typeof done.json().releasedByName, 'string');
      assert.equal(h.releasedAt, null);
      const again = await release(officer);
      assert.equal(again.json().heldUntil, done.json().heldUntil, 'releasing twice changes nothing');
      const audit = await audits('checkin.hold.release', citizen.personId);
      assert.deepEqual(
        audit.map((a) => [a.reason, a.details.holdId]),
        [['Đã xác định xong nguồn lây', h.id]],
      );
      const active = await call(
        'GET',
        `/api/checkin-holds?personId=${citizen.personId}&active=true`,
        officer,
      );
      assert.deepEqual(active.json().items, []);
      const ended = await call(
        'GET',
        `/api/checkin-holds?personId=${citizen.personId}&active=false`,
        officer,
      );
      assert.deepEqual(
        ended.json().items.map((i: { id: string }) => i.id),
        [h.id],
      );
    });

    it('a check-in held through the API survives retention; once released, it goes', async () => {
      const old = new Date(Date.now() - 40 * DAY);
      await ensurePartitions(db, 'checkins', 'day', old, 1);
      const checkin = (personId: string) => ({
        id: randomUUID(),
        personId,
        venueId,
        method: 'manual' as const,
        deviceTime: old,
        serverTime: old,
        communeCode: '00001',
        districtCode: '001',
        provinceCode: '01',
        unitStructure: 'pre2025' as const,
        recordedBy: null,
        source: 'live' as const,
      });
      const held = checkin(citizen.personId);
      const other = await citizenWithPerson(app, '0977200002');
      const releasedEarly = checkin(other.personId);
      await insertCheckins(db, [held, releasedEarly]);
      const range = {
        from: new Date(old.getTime() - DAY).toISOString(),
        to: new Date(old.getTime() + DAY).toISOString(),
      };
      const placed = await call(
        'POST',
        `/api/people/${citizen.personId}/checkin-holds`,
        officer,
        hold(range),
      );
      const gone = await call('POST', `/api/people/${other.personId}/checkin-holds`, officer, hold(range));
      assert.equal(placed.statusCode, 201, placed.body);
      assert.equal(gone.statusCode, 201, gone.body);
      // No body at all: the release reason is optional.
      const release = (id: string) => call('POST', `/api/checkin-holds/${id}/release`, officer);
      assert.equal((await release(gone.json().id)).statusCode, 200);
      // The point's hold placed earlier covers the last 10 days only, not 40 days ago.

      const report = await runCheckinRetention(db, 30, new Date()); // after the release
      assert.ok(report.dropped.length >= 1);
      const heldIds = async () =>
        (await db.query<{ id: string }>('select id from checkins_held')).map((r) => r.id);
      assert.deepEqual(await heldIds(), [held.id], 'only the row under a hold in force is kept');
      const live = await db.query('select 1 from checkins where id = any($1::uuid[])', [
        [held.id, releasedEarly.id],
      ]);
      assert.equal(live.length, 0, 'their partition is dropped');

      assert.equal((await release(placed.json().id)).statusCode, 200);
      const later = await runCheckinRetention(db, 30, new Date());
      assert.equal(later.heldReleased, 1);
      assert.deepEqual(await heldIds(), [], 'a released hold no longer protects');
    });
  });
}
