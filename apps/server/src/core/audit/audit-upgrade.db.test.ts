import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../db/db';
import { migrate, readMigrations } from '../db/migrate';
import { entryHash, GENESIS, recordAudit, sealAudit, verifyAuditChain } from './audit';

const summary = ({ ok, checked, legacy, unsealed }: Awaited<ReturnType<typeof verifyAuditChain>>) => ({
  ok,
  checked,
  legacy,
  unsealed,
});

/** Entries written before 0015 were chained at insert time, in id order: they must stay verifiable. */
for (const target of dbTargets()) {
  describe(`audit chain across the sealing migration (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.openEmpty();
    });
    after(async () => db.close());

    it('keeps the old entries verifiable and goes on chaining after them', async () => {
      const all = readMigrations();
      await migrate(
        db,
        all.filter((m) => m.version < '0015'),
      );
      // The pre-0015 writer: hash of the previous entry (by id) and this one, computed on insert.
      let prev = GENESIS;
      for (let i = 0; i < 4; i++) {
        const row = {
          at: new Date(Date.UTC(2026, 0, 1, 0, i)),
          actor_account_id: 'acc-1',
          actor_role: 'commune_officer',
          actor_unit: '00001',
          action: 'person.read',
          person_id: null,
          ip: '127.0.0.1',
          request_id: null,
          reason: null,
          break_glass: false,
          details: { i },
        };
        const hash = entryHash(prev, row);
        await db.query(
          `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
             reason, break_glass, details, prev_hash, hash) values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
          [
            row.at,
            row.actor_account_id,
            row.actor_role,
            row.actor_unit,
            row.action,
            row.person_id,
            row.ip,
            row.request_id,
            row.reason,
            row.break_glass,
            JSON.stringify(row.details),
            prev,
            hash,
          ],
        );
        prev = hash;
      }
      await migrate(db, all);
      assert.deepEqual(summary(await verifyAuditChain(db)), { ok: true, checked: 4, legacy: 4, unsealed: 0 });

      await db.transaction((tx) =>
        recordAudit(
          tx,
          { actor: { kind: 'anonymous' } },
          { action: 'person.read', details: { after: true } },
        ),
      );
      await sealAudit(db, { wait: true });
      assert.deepEqual(
        summary(await verifyAuditChain(db)),
        { ok: true, checked: 5, legacy: 4, unsealed: 0 },
        'the new entry is keyed, the old ones keep their unkeyed hash',
      );
      const [last] = await db.query<{ prev_hash: string }>(
        'select prev_hash from audit_log order by seal_seq desc limit 1',
      );
      assert.equal(last!.prev_hash, prev, 'the first sealed entry links to the last pre-0015 entry');
    });
  });
}
