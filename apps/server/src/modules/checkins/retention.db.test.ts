import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { ensurePartitions, listPartitions } from '../../core/db/partitions';
import { GroupCommitWriter } from './group-commit';
import { runCheckinRetention } from './retention';
import type { NewCheckin } from './checkins.types';

const DAY = 86_400_000;
const row = (serverTime: Date, o: Partial<NewCheckin> = {}): NewCheckin => ({
  id: randomUUID(),
  personId: randomUUID(),
  venueId: randomUUID(),
  method: 'venue_qr',
  deviceTime: serverTime,
  serverTime,
  communeCode: '00001',
  districtCode: '001',
  provinceCode: '01',
  unitStructure: 'pre2025',
  recordedBy: null,
  source: 'live',
  ...o,
});

for (const target of dbTargets()) {
  describe(`check-in partitions, retention and holds (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.close();
    });

    it('creates daily partitions ahead and drops old ones, keeping held rows', async () => {
      const now = new Date();
      const old = new Date(now.getTime() - 40 * DAY);
      await ensurePartitions(db, 'checkins', 'day', old, 1);
      const report0 = await runCheckinRetention(db, 30, now);
      assert.ok(
        report0.dropped.some((n) => n.startsWith('checkins_p')),
        'an empty old partition is dropped too',
      );
      const names = (await listPartitions(db, 'checkins')).map((p) => p.name);
      assert.ok(names.length >= 9, 'yesterday to a week ahead');

      await ensurePartitions(db, 'checkins', 'day', old, 1);
      const writer = new GroupCommitWriter(db);
      const heldPerson = randomUUID();
      const heldRow = row(old, { personId: heldPerson });
      const goneRow = row(old);
      const recentRow = row(new Date(now.getTime() - 3_600_000));
      for (const r of [heldRow, goneRow, recentRow]) assert.equal((await writer.write(r)).status, 'created');
      await db.query(
        `insert into checkin_holds (person_id, from_time, to_time, reason, held_until)
         values ($1, $2, $3, 'điều tra ca F0', $4)`,
        [
          heldPerson,
          new Date(old.getTime() - DAY),
          new Date(old.getTime() + DAY),
          new Date(now.getTime() + 10 * DAY),
        ],
      );

      const report = await runCheckinRetention(db, 30, now);
      assert.equal(report.dropped.length, 1);
      assert.equal(report.heldCopied, 1);
      const live = await db.query<{ id: string }>('select id from checkins');
      assert.deepEqual(
        live.map((r) => r.id),
        [recentRow.id],
      );
      const held = await db.query<{ id: string }>('select id from checkins_held');
      assert.deepEqual(
        held.map((r) => r.id),
        [heldRow.id],
      );
      const ids = await db.query<{ id: string }>('select id from checkin_ids');
      assert.deepEqual(
        ids.map((r) => r.id),
        [recentRow.id],
      );

      // Once the hold has expired, the held copy goes too.
      const later = await runCheckinRetention(db, 30, new Date(now.getTime() + 11 * DAY));
      assert.equal(later.heldReleased, 1);
      assert.equal((await db.query('select 1 from checkins_held')).length, 0);
    });

    it('a row that cannot be stored fails alone: the rest of its group commits', async () => {
      const now = new Date();
      await runCheckinRetention(db, 30, now);
      const writer = new GroupCommitWriter(db, { maxDelayMs: 20 });
      const good = [row(now), row(now), row(now)];
      const bad = row(new Date(now.getTime() + 400 * DAY)); // no partition that far ahead
      const settled = await Promise.allSettled([...good, bad].map((r) => writer.write(r)));
      assert.deepEqual(
        settled.map((s) => s.status),
        ['fulfilled', 'fulfilled', 'fulfilled', 'rejected'],
      );
      assert.equal(writer.stats.fallbacks, 1);
      const stored = await db.query('select 1 from checkins where id = any($1::uuid[])', [
        good.map((g) => g.id),
      ]);
      assert.equal(stored.length, 3);
      assert.equal((await db.query('select 1 from checkin_ids where id = $1', [bad.id])).length, 0);
    });
  });
}
