import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from './db';
import { ensureMonthlyPartitions, ensurePartitions, listPartitions, unitStart } from './partitions';

for (const target of dbTargets()) {
  describe(`time partitions (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      for (const t of ['pt_day', 'pt_week', 'pt_month']) {
        await db.exec(`create table ${t} (at timestamptz not null) partition by range (at)`);
      }
    });
    after(async () => {
      await db.close();
    });

    it('computes UTC unit starts (weeks start on Monday)', () => {
      const d = new Date('2026-03-01T23:30:00Z'); // a Sunday
      assert.equal(unitStart('day', d).toISOString(), '2026-03-01T00:00:00.000Z');
      assert.equal(unitStart('week', d).toISOString(), '2026-02-23T00:00:00.000Z');
      assert.equal(unitStart('month', d, 1).toISOString(), '2026-04-01T00:00:00.000Z');
    });

    it('creates day, week and month partitions once, lists them, and routes rows by range', async () => {
      const from = new Date('2026-02-27T12:00:00Z');
      assert.equal((await ensurePartitions(db, 'pt_day', 'day', from, 3)).length, 3);
      await ensurePartitions(db, 'pt_day', 'day', from, 3); // again: no error, nothing new
      await ensurePartitions(db, 'pt_week', 'week', from, 2);
      await ensureMonthlyPartitions(db, 'pt_month', from, 2);
      const days = await listPartitions(db, 'pt_day');
      assert.deepEqual(
        days.map((p) => [p.name, p.from.toISOString().slice(0, 10), p.to.toISOString().slice(0, 10)]),
        [
          ['pt_day_p2026_02_27', '2026-02-27', '2026-02-28'],
          ['pt_day_p2026_02_28', '2026-02-28', '2026-03-01'],
          ['pt_day_p2026_03_01', '2026-03-01', '2026-03-02'],
        ],
      );
      const weeks = await listPartitions(db, 'pt_week');
      assert.deepEqual(
        weeks.map((p) => p.name),
        ['pt_week_w2026_02_23', 'pt_week_w2026_03_02'],
      );
      const months = await listPartitions(db, 'pt_month');
      assert.deepEqual(
        months.map((p) => [p.unit, p.to.toISOString().slice(0, 10)]),
        [
          ['month', '2026-03-01'],
          ['month', '2026-04-01'],
        ],
      );
      await db.query(`insert into pt_day values ('2026-02-28T23:59:59Z'), ('2026-03-01T00:00:00Z')`);
      const inLast = await db.query('select 1 from pt_day_p2026_03_01');
      assert.equal(inLast.length, 1);
      await assert.rejects(db.query(`insert into pt_day values ('2026-03-02T00:00:00Z')`));
    });
  });
}
