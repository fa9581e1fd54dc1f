import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { GroupCommitWriter } from './group-commit';
import { runCheckinRetention } from './retention';
import type { NewCheckin } from './checkins.types';

const row = (o: Partial<NewCheckin> = {}): NewCheckin => {
  const now = new Date();
  return {
    id: randomUUID(),
    personId: randomUUID(),
    venueId: randomUUID(),
    method: 'venue_qr',
    deviceTime: now,
    serverTime: now,
    communeCode: '00001',
    districtCode: '001',
    provinceCode: '01',
    unitStructure: 'pre2025',
    recordedBy: null,
    source: 'live',
    ...o,
  };
};

for (const target of dbTargets()) {
  describe(`group commit with commits in flight (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await runCheckinRetention(db, 30);
    });
    after(async () => db.close());

    it('stores a retried id once when its two copies are in different commits at the same time', async () => {
      // One row per commit, two commits at once: the copies race on the id's key.
      const writer = new GroupCommitWriter(db, { maxBatch: 1, maxInFlight: 2 });
      const a = row();
      const outcomes = await Promise.all([writer.write(a), writer.write({ ...a })]);
      assert.deepEqual(outcomes.map((o) => o.status).sort(), ['created', 'duplicate']);
      const other = await Promise.all([writer.write(a), writer.write({ ...a, personId: randomUUID() })]);
      assert.deepEqual(
        other.map((o) => o.status),
        ['duplicate', 'conflict'],
      );
      assert.equal((await db.query('select 1 from checkins where id = $1', [a.id])).length, 1);
      assert.equal(writer.stats.rows, 1);
    });

    it('acknowledges every row of a burst once committed, each in exactly one audited commit', async () => {
      const writer = new GroupCommitWriter(db, {
        maxBatch: 50,
        maxInFlight: 2,
        audit: { action: 'checkin.create', writer: 'burst-test' },
      });
      const rows = Array.from({ length: 400 }, () => row());
      const outcomes = await Promise.all(rows.map((r) => writer.write(r)));
      assert.ok(outcomes.every((o) => o.status === 'created'));
      assert.ok(writer.stats.commits >= 8, `${writer.stats.commits} commits of at most 50`);
      const entries = await db.query<{ details: { checkinIds: string[]; personIds: string[] } }>(
        `select details from audit_log where details->>'writer' = 'burst-test'`,
      );
      assert.equal(entries.length, writer.stats.commits, 'one audit entry per commit');
      const audited = entries.flatMap((e) => e.details.checkinIds).sort();
      assert.deepEqual(audited, rows.map((r) => r.id).sort(), 'every stored row audited once');
      assert.deepEqual(
        entries.flatMap((e) => e.details.personIds).sort(),
        rows.map((r) => r.personId).sort(),
      );
      const stored = await db.query('select 1 from checkins where id = any($1::uuid[])', [
        rows.map((r) => r.id),
      ]);
      assert.equal(stored.length, 400);
      // A replay stores nothing and writes no audit entry.
      await Promise.all(rows.slice(0, 10).map((r) => writer.write(r)));
      const after = await db.query(`select 1 from audit_log where details->>'writer' = 'burst-test'`);
      assert.equal(after.length, entries.length);
      await writer.drain();
    });
  });
}
