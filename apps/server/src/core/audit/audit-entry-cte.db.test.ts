import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../db/db';
/* eslint-disable no-restricted-imports -- this test drives the audit CTE through the check-in write path itself (its group commit, insert and retention), which are not part of the check-ins public surface. */
import { GroupCommitWriter } from '../../modules/checkins/group-commit';
import { insertCheckins } from '../../modules/checkins/checkins.repository';
import { runCheckinRetention } from '../../modules/checkins/retention';
import type { NewCheckin } from '../../modules/checkins/checkins.types';
/* eslint-enable no-restricted-imports */
import { sealAudit, verifyAuditChain } from './audit';

/** One staff phone's check-ins: one account, so one audit entry per statement. */
const recorder = randomUUID();
const row = (): NewCheckin => {
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
    recordedBy: recorder,
    source: 'live',
  };
};
const audit = { action: 'checkin.create' as const, writer: 'cte-test' };

/** The check-in group commit's audit entry, written in the same statement as the rows, is MAC'd too. */
for (const target of dbTargets()) {
  describe(`audit entry written by a CTE (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await runCheckinRetention(db, 30);
    });
    after(async () => db.close());

    const entries = () =>
      db.query<{ details: { checkinIds: string[] } }>(
        `select details from audit_log where details->>'writer' = 'cte-test' order by id`,
      );

    it('is chained like any entry when every row is stored', async () => {
      // Upper-case ids are stored in canonical form; the entry's MAC is made over that form.
      const rows = [row(), row(), row()].map((r) => ({ ...r, id: r.id.toUpperCase() }));
      assert.equal((await insertCheckins(db, rows, audit)).size, 3);
      assert.equal(await sealAudit(db, { wait: true }), 1);
      const report = await verifyAuditChain(db);
      assert.deepEqual([report.ok, report.rejected], [true, 0]);
      assert.deepEqual(
        (await entries())[0]!.details.checkinIds,
        rows.map((r) => r.id.toLowerCase()),
      );
    });

    it('fails, storing nothing, when only some rows are new; the group commit then audits the new one', async () => {
      const [known] = await db.query<{ id: string }>('select id from checkins limit 1');
      const fresh = row();
      await assert.rejects(insertCheckins(db, [{ ...row(), id: known!.id }, fresh], audit));
      assert.equal((await db.query('select 1 from checkins where id = $1', [fresh.id])).length, 0);

      const writer = new GroupCommitWriter(db, { maxBatch: 2, maxInFlight: 1, audit });
      const stored = (
        await db.query<NewCheckin & { person_id: string; venue_id: string }>(
          'select * from checkins where id = $1',
          [known!.id],
        )
      )[0]!;
      const outcomes = await Promise.all([
        writer.write({ ...row(), id: known!.id, personId: stored.person_id, venueId: stored.venue_id }),
        writer.write(fresh),
      ]);
      assert.equal(outcomes[1]!.status, 'created');
      assert.ok(writer.stats.fallbacks >= 1, 'written one by one');
      await writer.drain();
      const all = await entries();
      assert.deepEqual(all[all.length - 1]!.details.checkinIds, [fresh.id.toLowerCase()]);
      await sealAudit(db, { wait: true });
      const report = await verifyAuditChain(db);
      assert.deepEqual([report.ok, report.rejected, report.unsealed], [true, 0, 0]);
    });
  });
}
