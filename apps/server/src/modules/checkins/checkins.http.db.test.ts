import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { ensureMonthlyPartitions } from '../../core/db/partitions';
import { revoke } from '../keys';
import { citizenWithPerson, createVenue, nowIso, personCode, venueToken } from './checkins.fixtures';

const DAY = 86_400_000;

for (const target of dbTargets()) {
  describe(`check-ins over HTTP (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let visitor: Awaited<ReturnType<typeof citizenWithPerson>>;
    let venueId: string;
    let token: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      visitor = await citizenWithPerson(app, '0977100001');
      venueId = await createVenue(db);
      token = await venueToken(db, venueId);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const checkIn = (payload: Record<string, unknown>, headers = visitor.headers) =>
      app.inject({ method: 'POST', url: '/api/checkins', headers, payload });
    const rowsOf = async (id: string) =>
      (await db.query<{ n: number }>('select count(*)::int as n from checkins where id = $1', [id]))[0]!.n;

    it('records a visitor check-in once; a replay answers duplicate, other content is a conflict', async () => {
      const id = randomUUID();
      const body = { id, venueToken: token, deviceTime: nowIso() };
      const first = await checkIn(body);
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().venueId, venueId);
      assert.equal(first.json().venueName, 'Cửa hàng Thử');
      assert.equal(first.json().duplicate, false);
      assert.equal(first.json().declarationRequired, false);
      const again = await checkIn(body);
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().duplicate, true);
      assert.equal(again.json().serverTime, first.json().serverTime);
      const other = await checkIn({ ...body, deviceTime: nowIso(-60_000) });
      assert.equal(other.statusCode, 409);
      assert.equal(other.json().error.code, 'CONFLICT');
      assert.equal(await rowsOf(id), 1);
      const [row] = await db.query<{ person_id: string; method: string; recorded_by_account_id: string }>(
        'select person_id, method, recorded_by_account_id from checkins where id = $1',
        [id],
      );
      assert.deepEqual(row, {
        person_id: visitor.personId,
        method: 'venue_qr',
        recorded_by_account_id: visitor.accountId,
      });
      const audit = await db.query<{ details: { checkinIds: string[] } }>(
        `select details from audit_log where action = 'checkin.create'`,
      );
      assert.ok(
        audit.some((a) => a.details.checkinIds.includes(id)),
        'the commit is audited',
      );
    });

    it('refuses forged, expired, revoked tokens and unknown or suspended venues', async () => {
      const sig = token.slice(token.lastIndexOf('.') + 1);
      const forged = token.slice(0, token.lastIndexOf('.') + 1) + (sig[0] === 'A' ? 'B' : 'A') + sig.slice(1);
      const cases: [string, string][] = [
        [forged, 'QR_FORGED'],
        ['PD1:V:garbage', 'QR_FORGED'],
        [await venueToken(db, venueId, new Date(Date.now() - 3 * DAY)), 'QR_EXPIRED'],
        [await venueToken(db, randomUUID()), 'VENUE_UNKNOWN'],
      ];
      const suspended = await createVenue(db, { status: 'suspended' });
      cases.push([await venueToken(db, suspended), 'VENUE_SUSPENDED']);
      const revokedVenue = await createVenue(db);
      await revoke(db, { type: 'V', id: revokedVenue, reason: 'poster stolen' });
      cases.push([await venueToken(db, revokedVenue), 'QR_REVOKED']);
      for (const [venueTokenText, code] of cases) {
        const id = randomUUID();
        const res = await checkIn({ id, venueToken: venueTokenText, deviceTime: nowIso() });
        assert.equal(res.statusCode, 422, `${code}: ${res.body}`);
        assert.equal(res.json().error.code, code);
        assert.equal(await rowsOf(id), 0);
      }
    });

    it('honours a revocation made after the poster was scanned, within two seconds', async () => {
      const venue = await createVenue(db);
      const poster = await venueToken(db, venue);
      assert.equal(
        (await checkIn({ id: randomUUID(), venueToken: poster, deviceTime: nowIso() })).statusCode,
        201,
      );
      await revoke(db, { type: 'V', id: venue, reason: 'poster reissued' });
      await new Promise((r) => setTimeout(r, 2_100));
      const res = await checkIn({ id: randomUUID(), venueToken: poster, deviceTime: nowIso() });
      assert.equal(res.json().error?.code, 'QR_REVOKED');
    });

    it('refuses device clocks far off on live calls', async () => {
      for (const deviceTime of [nowIso(-8 * DAY), nowIso(2 * 3_600_000)]) {
        const res = await checkIn({ id: randomUUID(), venueToken: token, deviceTime });
        assert.equal(res.json().error.code, 'CLOCK_SKEW');
      }
      const slow = await checkIn({ id: randomUUID(), venueToken: token, deviceTime: nowIso(-2 * DAY) });
      assert.equal(slow.statusCode, 201, 'two days behind is kept as given');
    });

    it('asks for a declaration where the venue requires a recent one, and still records', async () => {
      const strict = await createVenue(db, { requiresDeclarationHours: 24 });
      const res = await checkIn({
        id: randomUUID(),
        venueToken: await venueToken(db, strict),
        deviceTime: nowIso(),
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().declarationRequired, true);
      assert.equal(await rowsOf(res.json().id), 1);
      // Once the person has declared (declarations module's table: person_id, created_at), no prompt.
      await ensureMonthlyPartitions(db, 'declarations', new Date(), 1);
      await db.query(
        `insert into declarations (person_id, kind, question_set_version, answers, commune_code, province_code)
         values ($1, 'domestic', 'test', '{}', '00001', '01')`,
        [visitor.personId],
      );
      const after = await checkIn({
        id: randomUUID(),
        venueToken: await venueToken(db, strict),
        deviceTime: nowIso(),
      });
      assert.equal(after.json().declarationRequired, false);
    });

    it('checks in a family member but not a stranger, and lists my family’s check-ins', async () => {
      const child = await app.inject({
        method: 'POST',
        url: '/api/me/family',
        headers: visitor.headers,
        payload: {
          fullName: 'Nguyễn Bé Na',
          birthDate: '2016-01-02',
          sex: 'female',
          communeCode: '00001',
          relation: 'con',
        },
      });
      assert.equal(child.statusCode, 201, child.body);
      const ok = await checkIn({
        id: randomUUID(),
        venueToken: token,
        personId: child.json().id,
        deviceTime: nowIso(),
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const stranger = await citizenWithPerson(app, '0977100002');
      const no = await checkIn({
        id: randomUUID(),
        venueToken: token,
        personId: stranger.personId,
        deviceTime: nowIso(),
      });
      assert.equal(no.statusCode, 403);
      const mine = await app.inject({
        method: 'GET',
        url: '/api/me/checkins?limit=50',
        headers: visitor.headers,
      });
      assert.equal(mine.statusCode, 200, mine.body);
      const ids = mine.json().items.map((i: { id: string }) => i.id);
      assert.ok(ids.includes(ok.json().id));
      assert.ok(
        mine
          .json()
          .items.every((i: { personId: string }) => [visitor.personId, child.json().id].includes(i.personId)),
      );
      const theirs = await app.inject({ method: 'GET', url: '/api/me/checkins', headers: stranger.headers });
      assert.deepEqual(theirs.json().items, []);
    });

    it('lets venue staff and officers in jurisdiction record a visitor, not others; checks out', async () => {
      const owner = await citizenWithPerson(app, '0977100003');
      const owned = await createVenue(db, { ownerAccountId: owner.accountId });
      const body = { venueId: owned, code: await personCode(db, visitor.personId), deviceTime: nowIso() };
      const res = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: owner.headers,
        payload: { ...body, id: randomUUID() },
      });
      assert.equal(res.statusCode, 201, res.body);
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const byOfficer = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: officer.headers,
        payload: { ...body, id: randomUUID() },
      });
      assert.equal(byOfficer.statusCode, 201, byOfficer.body);
      const far = await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' });
      const byFar = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: far.headers,
        payload: { ...body, id: randomUUID() },
      });
      assert.equal(byFar.statusCode, 403);
      const notStaff = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: visitor.headers,
        payload: { ...body, id: randomUUID() },
      });
      assert.equal(notStaff.statusCode, 403);
      const unknownPerson = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: owner.headers,
        payload: { ...body, id: randomUUID(), code: 'no-such-card' },
      });
      assert.equal(unknownPerson.json().error.code, 'UNKNOWN_CODE');

      const out = await app.inject({
        method: 'POST',
        url: `/api/checkins/${res.json().id}/checkout`,
        headers: owner.headers,
        payload: { deviceTime: nowIso() },
      });
      assert.equal(out.statusCode, 200, out.body);
      assert.equal(out.json().minutesSpent, 0);
      const [row] = await db.query<{ checkout_time: Date }>(
        'select checkout_time from checkins where id = $1',
        [res.json().id],
      );
      assert.equal(row!.checkout_time.toISOString(), out.json().checkoutTime);
      const strangerOut = await app.inject({
        method: 'POST',
        url: `/api/checkins/${res.json().id}/checkout`,
        headers: far.headers,
        payload: { deviceTime: nowIso() },
      });
      assert.equal(strangerOut.statusCode, 404);
    });

    it('traces a venue and a person for officers, masked outside their area, audited', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const far = await signInAs(app, db, { role: 'province_officer', unitCode: '79' });
      const window = { venueId, from: nowIso(-DAY), to: nowIso(60_000) };
      const near = await app.inject({
        method: 'POST',
        url: '/api/checkins/at-venue',
        headers: officer.headers,
        payload: window,
      });
      assert.equal(near.statusCode, 200, near.body);
      assert.equal(near.json().masked, false);
      assert.ok(near.json().items.length >= 2);
      assert.ok(near.json().items.some((i: { fullName: string }) => i.fullName === 'Nguyễn Văn An'));
      const masked = await app.inject({
        method: 'POST',
        url: '/api/checkins/at-venue',
        headers: far.headers,
        payload: window,
      });
      assert.equal(masked.json().masked, true);
      assert.ok(masked.json().items.every((i: { fullName: string }) => i.fullName !== 'Nguyễn Văn An'));
      const page = await app.inject({
        method: 'POST',
        url: '/api/checkins/at-venue',
        headers: officer.headers,
        payload: { ...window, limit: 1 },
      });
      const next = await app.inject({
        method: 'POST',
        url: '/api/checkins/at-venue',
        headers: officer.headers,
        payload: { ...window, limit: 1, cursor: page.json().nextCursor },
      });
      assert.notEqual(next.json().items[0].id, page.json().items[0].id);

      const trace = await app.inject({
        method: 'POST',
        url: '/api/checkins/of-person',
        headers: officer.headers,
        payload: { personId: visitor.personId, days: 14 },
      });
      assert.equal(trace.statusCode, 200, trace.body);
      assert.ok(trace.json().items.some((i: { venueId: string }) => i.venueId === venueId));
      const farTrace = await app.inject({
        method: 'POST',
        url: '/api/checkins/of-person',
        headers: far.headers,
        payload: { personId: visitor.personId },
      });
      assert.ok(farTrace.json().items.every((i: { venueId: string | null }) => i.venueId === null));
      const citizenTry = await app.inject({
        method: 'POST',
        url: '/api/checkins/of-person',
        headers: visitor.headers,
        payload: { personId: visitor.personId },
      });
      assert.equal(citizenTry.statusCode, 403);
      const audit = await db.query(
        `select 1 from audit_log where action = 'checkin.tracePerson' and person_id = $1`,
        [visitor.personId],
      );
      assert.equal(audit.length, 2);
    });
  });
}
