// Issue #7 §2: an unknown chip ID card scanned at a shop is recorded as a pending identity, not as a
// new person; a commune officer of the shop's area confirms it as a new person or merges it.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createVenue, nowIso } from '../checkins/checkins.fixtures';
import { cccdFor, input } from '../people/people.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`pending identities from venue scans (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let staff: Headers;
    let officer: Headers;
    let venueId: string;
    const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
      app.inject({ method, url, headers, payload });
    const card = (cccd: string, name: string, year = 1970, sex = 'Nam') =>
      `${cccd}||${name}|0101${year}|${sex}|Thôn 2, xã Yên Bình|01012022`;
    const scanAndCheckIn = async (code: string) => {
      const scan = await call('POST', '/api/scan/resolve', staff, { code, venueId });
      assert.equal(scan.statusCode, 200, scan.body);
      const checkin = await call('POST', '/api/checkins/staff', staff, {
        id: randomUUID(),
        venueId,
        code,
        deviceTime: nowIso(),
      });
      assert.equal(checkin.statusCode, 201, checkin.body);
      return { scan: scan.json(), checkin: checkin.json() };
    };
    const personOf = async (checkinId: string) =>
      (await db.query<{ person_id: string }>('select person_id from checkins where id = $1', [checkinId]))[0]!
        .person_id;

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const s = await signInCitizen(app, '0977500001');
      staff = s.headers;
      venueId = await createVenue(db, { ownerAccountId: s.accountId });
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('records the visit against a pending identity, the same on a second scan; no person is created', async () => {
      const cccd = cccdFor(1970, 'male');
      const first = await scanAndCheckIn(card(cccd, 'Hồ Văn Chờ'));
      assert.equal(first.scan.pending, true);
      assert.notEqual(first.scan.person.fullName, 'Hồ Văn Chờ');
      const again = await scanAndCheckIn(card(cccd, 'Hồ Văn Chờ'));
      assert.equal(again.scan.person.id, first.scan.person.id);
      assert.equal(again.checkin.sameVisit, true, 'the same visit');
      assert.deepEqual(await db.query('select 1 from persons where cccd = $1', [cccd]), []);
      assert.equal(await personOf(first.checkin.id), first.scan.person.id);
      // Tracing reaches them by the card's name before the commune has confirmed them.
      const traced = await call('POST', '/api/checkins/at-venue', officer, {
        venueId,
        from: nowIso(-3_600_000),
        to: nowIso(60_000),
      });
      assert.equal(traced.statusCode, 200, traced.body);
      const item = (traced.json().items as { personId: string; fullName: string }[]).find(
        (i) => i.personId === first.scan.person.id,
      );
      assert.equal(item?.fullName, 'Hồ Văn Chờ');
    });

    it('lets a commune officer of the area confirm it as a new person; the visit moves to them', async () => {
      const cccd = cccdFor(1971, 'male');
      const { scan, checkin } = await scanAndCheckIn(card(cccd, 'Lò Văn Mới', 1971));
      const far = (await signInAs(app, db, { role: 'commune_officer', unitCode: '26734' })).headers;
      assert.deepEqual((await call('GET', '/api/pending-identities', far)).json().items, []);
      assert.equal(
        (await call('POST', `/api/pending-identities/${scan.person.id}/confirm`, far)).statusCode,
        403,
      );

      const list = (await call('GET', '/api/pending-identities', officer)).json().items as {
        id: string;
        fullName: string;
        cccd: string;
        visits: number;
      }[];
      const mine = list.find((p) => p.id === scan.person.id);
      assert.deepEqual([mine?.fullName, mine?.cccd, mine?.visits], ['Lò Văn Mới', cccd, 1]);

      const ok = await call('POST', `/api/pending-identities/${scan.person.id}/confirm`, officer);
      assert.equal(ok.statusCode, 200, ok.body);
      const [person] = await db.query<{ id: string; full_name: string; commune_code: string }>(
        'select id, full_name, commune_code from persons where cccd = $1',
        [cccd],
      );
      assert.deepEqual(person, { id: ok.json().personId, full_name: 'Lò Văn Mới', commune_code: '00001' });
      assert.equal(await personOf(checkin.id), person!.id);
      const audit = await db.query(
        `select 1 from audit_log where action = 'pendingIdentity.confirm' and person_id = $1`,
        [person!.id],
      );
      assert.equal(audit.length, 1);
      const twice = await call('POST', `/api/pending-identities/${scan.person.id}/confirm`, officer);
      assert.equal(twice.json().error.code, 'CONFLICT');
      // The card now matches the person: the next scan finds them, not a new pending identity.
      const next = await call('POST', '/api/scan/resolve', staff, {
        code: card(cccd, 'Lò Văn Mới', 1971),
        venueId,
      });
      assert.equal(next.json().person.id, person!.id);
    });

    it('lets the officer merge it into the person already registered', async () => {
      const existing = await call('POST', '/api/people', officer, input({ fullName: 'Vàng Thị Cũ' }));
      assert.equal(existing.statusCode, 201, existing.body);
      const { scan, checkin } = await scanAndCheckIn(
        card(cccdFor(1972, 'female'), 'Vàng Thị Cũ', 1972, 'Nữ'),
      );
      const bad = await call('POST', `/api/pending-identities/${scan.person.id}/merge`, officer, {
        personId: randomUUID(),
      });
      assert.equal(bad.json().error.code, 'PERSON_NOT_FOUND');
      const ok = await call('POST', `/api/pending-identities/${scan.person.id}/merge`, officer, {
        personId: existing.json().id,
      });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().status, ok.json().visits], ['merged', 1]);
      assert.equal(await personOf(checkin.id), existing.json().id);
      const audit = await db.query<{ actor_role: string }>(
        `select actor_role from audit_log where action = 'pendingIdentity.merge' and person_id = $1`,
        [existing.json().id],
      );
      assert.deepEqual(audit, [{ actor_role: 'commune_officer' }]);
    });
  });
}
