import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../db/db';
import type { Actor } from '../auth/actor';
import { recordAudit, verifyAuditChain } from './audit';

const officer: Actor = {
  kind: 'staff',
  accountId: 'acc-1',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'Cán bộ',
};
const PERSON = '11111111-1111-4111-8111-111111111111';

for (const target of dbTargets()) {
  describe(`audit chain (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      for (let i = 0; i < 5; i++) {
        await db.transaction((tx) =>
          recordAudit(
            tx,
            { actor: officer, ip: '127.0.0.1' },
            { action: 'person.read', personId: PERSON, details: { i } },
          ),
        );
      }
    });
    after(async () => db.close());

    it('verifies an untouched chain', async () => {
      assert.deepEqual(await verifyAuditChain(db, 2), { ok: true, checked: 5 });
    });

    it('refuses updates and deletes', async () => {
      await assert.rejects(db.query("update audit_log set reason = 'x' where id = 1"), /append-only/);
      await assert.rejects(db.query('delete from audit_log where id = 1'), /append-only/);
    });

    it('detects an entry altered behind the trigger', async () => {
      await db.exec('alter table audit_log disable trigger audit_log_no_update');
      await db.query("update audit_log set action = 'person.update' where id = 3");
      const report = await verifyAuditChain(db);
      assert.equal(report.ok, false);
      assert.equal(report.brokenAt, 3);
      assert.equal(report.checked, 2);
    });
  });
}
