// Staff-recorded check-ins: one visit however many of a person's codes are scanned within the window,
// and audited with the staff account, the venue and the address the request came from (issue #7 §2).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { sealAudit } from '../../core/audit/audit';
import type { Db } from '../../core/db/db';
import { cccdFor } from '../people/people.fixtures';
import {
  cccdChipQr,
  citizenWithPerson,
  createVenue,
  nowIso,
  personCode,
  venueToken,
} from './checkins.fixtures';

const MIN = 60_000;

for (const target of dbTargets()) {
  describe(`staff check-ins: same visit, audited (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let staff: Awaited<ReturnType<typeof citizenWithPerson>>;
    let visitor: Awaited<ReturnType<typeof citizenWithPerson>>;
    let venueId: string;
    let codes: Record<'personal_qr' | 'printed_qr' | 'cccd', string>;
    const record = (method: keyof typeof codes, deviceTime = nowIso(), remoteAddress = '203.0.113.7') =>
      app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: staff.headers,
        remoteAddress,
        payload: { id: randomUUID(), venueId, code: codes[method], deviceTime },
      });
    const stored = async () =>
      (
        await db.query<{ n: number }>(
          'select count(*)::int as n from checkins where venue_id = $1 and person_id = $2',
          [venueId, visitor.personId],
        )
      )[0]!.n;

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      staff = await citizenWithPerson(app, '0977400001');
      const cccd = cccdFor(1990, 'male');
      visitor = await citizenWithPerson(app, '0977400002', { cccd });
      venueId = await createVenue(db, { ownerAccountId: staff.accountId });
      codes = {
        personal_qr: await personCode(db, visitor.personId, 'P'),
        printed_qr: await personCode(db, visitor.personId, 'C'),
        cccd: cccdChipQr(cccd),
      };
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('recognises the same person scanned again within the window, by whichever code', async () => {
      const first = await record('cccd');
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().duplicate, false);
      assert.equal((await db.query<{ method: string }>('select method from checkins'))[0]!.method, 'cccd');
      for (const method of ['printed_qr', 'personal_qr', 'cccd'] as const) {
        const again = await record(method);
        assert.equal(again.statusCode, 201, again.body);
        assert.equal(again.json().id, first.json().id, `${method}: the first check-in`);
        assert.equal(again.json().sameVisit, true);
        assert.equal(again.json().duplicate, true);
      }
      assert.equal(await stored(), 1);
    });

    it('refuses a staff check-in that names a person by id instead of a scanned code', async () => {
      const payload = { id: randomUUID(), venueId, personId: visitor.personId, deviceTime: nowIso() };
      const bare = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: staff.headers,
        payload,
      });
      assert.equal(bare.statusCode, 400, bare.body);
      assert.equal(bare.json().error.code, 'CHECKIN_CODE_REQUIRED');
      const batch = await app.inject({
        method: 'POST',
        url: '/api/checkins/batch',
        headers: staff.headers,
        payload: { items: [{ ...payload, kind: 'staff', method: 'manual' }] },
      });
      assert.equal(batch.statusCode, 200, batch.body);
      assert.equal(batch.json().results[0].error.code, 'CHECKIN_CODE_REQUIRED');
      // A venue's own poster is not a person's code.
      const poster = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: staff.headers,
        payload: { id: randomUUID(), venueId, code: await venueToken(db, venueId), deviceTime: nowIso() },
      });
      assert.equal(poster.statusCode, 422, poster.body);
      assert.equal(poster.json().error.details[0].code, 'NOT_A_PERSONAL_CODE');
    });

    it('takes offline scans by their device times: minutes apart one visit, hours apart two', async () => {
      const at = (msAgo: number) => ({
        id: randomUUID(),
        kind: 'staff',
        venueId,
        code: codes.printed_qr,
        deviceTime: nowIso(-msAgo),
      });
      const before = await stored();
      const items = [at(5 * 3_600_000), at(5 * 3_600_000 - 5 * MIN), at(3 * 3_600_000)];
      const res = await app.inject({
        method: 'POST',
        url: '/api/checkins/batch',
        headers: staff.headers,
        payload: { items },
      });
      assert.equal(res.statusCode, 200, res.body);
      // The two scans minutes apart are one visit (one stored, one answered as the same visit; the
      // group commit may store either first), the scan hours later is a second visit.
      const [a, b, c] = res.json().results.map((r: { status: string }) => r.status);
      assert.deepEqual([[a, b].sort(), c], [['created', 'duplicate'], 'created']);
      assert.equal(await stored(), before + 2);
    });

    it('audits a staff check-in with the staff account, the venue and the address', async () => {
      const other = await citizenWithPerson(app, '0977400003');
      const res = await app.inject({
        method: 'POST',
        url: '/api/checkins/staff',
        headers: staff.headers,
        remoteAddress: '198.51.100.23',
        payload: {
          id: randomUUID(),
          venueId,
          code: await personCode(db, other.personId),
          deviceTime: nowIso(),
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      await sealAudit(db, { wait: true });
      const entries = await db.query<{
        actor_account_id: string | null;
        actor_role: string;
        ip: string | null;
        details: { checkinIds: string[]; venueIds: string[]; personIds: string[] };
      }>(
        `select actor_account_id, actor_role, ip, details from audit_log
          where action = 'checkin.create' and details->'checkinIds' ? $1`,
        [res.json().id],
      );
      assert.equal(entries.length, 1);
      assert.deepEqual(
        {
          account: entries[0]!.actor_account_id,
          role: entries[0]!.actor_role,
          ip: entries[0]!.ip,
          venues: entries[0]!.details.venueIds,
          people: entries[0]!.details.personIds,
        },
        {
          account: staff.accountId,
          role: 'citizen',
          ip: '198.51.100.23',
          venues: [venueId],
          people: [other.personId],
        },
      );
    });

    it('audits a staff scan of a personal code once, in the check-in, and refuses a revoked code', async () => {
      const other = await citizenWithPerson(app, '0977400004');
      const code = await personCode(db, other.personId);
      const scan = () =>
        app.inject({
          method: 'POST',
          url: '/api/checkins/staff',
          headers: staff.headers,
          payload: { id: randomUUID(), venueId, code, deviceTime: nowIso() },
        });
      const res = await scan();
      assert.equal(res.statusCode, 201, res.body);
      // The staff see no person data (the answer names the venue), so the check-in's own entry, which
      // names the person, is the whole record: no separate flushed "resolve" entry per scan (#11).
      const entries = await db.query<{ action: string }>(
        `select action from audit_log where person_id = $1 or details->'personIds' ? $1::text order by id`,
        [other.personId],
      );
      assert.deepEqual(
        entries.map((e) => e.action).filter((a) => a !== 'person.create' && !a.startsWith('qr.')),
        ['checkin.create'],
      );
      await db.query(`update personal_qr_tokens set revoked_at = now() where person_id = $1`, [
        other.personId,
      ]);
      const revoked = await scan();
      assert.equal(revoked.statusCode, 422, revoked.body);
      assert.equal(revoked.json().error.details[0].code, 'REVOKED');
    });
  });
}
