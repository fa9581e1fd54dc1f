import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../db/db';
import type { Actor } from '../auth/actor';
import { recordAudit, sealAudit, verifyAuditChain as verifyFull } from './audit';

/** The part of the report these tests are about. */
const verifyAuditChain = async (db: Db, pageSize?: number) => {
  const r = await verifyFull(db, { pageSize });
  return {
    ok: r.ok,
    checked: r.checked,
    unsealed: r.unsealed,
    ...(r.brokenAt ? { brokenAt: r.brokenAt } : {}),
    ...(r.problem ? { problem: r.problem } : {}),
  };
};

const officer: Actor = {
  kind: 'staff',
  accountId: 'acc-1',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'Cán bộ',
};
const PERSON = '11111111-1111-4111-8111-111111111111';

const write = (db: Db, i: number) =>
  db.transaction((tx) =>
    recordAudit(
      tx,
      { actor: officer, ip: '127.0.0.1' },
      { action: 'person.read', personId: PERSON, details: { i } },
    ),
  );

for (const target of dbTargets()) {
  describe(`audit chain (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      for (let i = 0; i < 5; i++) await write(db, i);
    });
    after(async () => db.close());

    it('appends entries unsealed, then seals them in id order', async () => {
      assert.deepEqual(await verifyAuditChain(db), { ok: true, checked: 0, unsealed: 5 });
      assert.equal(await sealAudit(db, { batch: 2 }), 5, 'in batches of 2');
      assert.equal(await sealAudit(db), 0, 'nothing left');
      assert.deepEqual(await verifyAuditChain(db, 2), { ok: true, checked: 5, unsealed: 0 });
      const rows = await db.query<{ id: number; seal_seq: number }>(
        'select id, seal_seq::int from audit_log order by id',
      );
      assert.deepEqual(
        rows.map((r) => r.seal_seq),
        [1, 2, 3, 4, 5],
      );
    });

    it('seals an entry whose transaction committed after later ones, at the end of the chain', async () => {
      // The slow transaction takes its id first but commits last: its entry must not be skipped.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let started!: () => void;
      const hasId = new Promise<void>((r) => (started = r));
      const slow =
        db.kind === 'postgres'
          ? db.transaction(async (tx) => {
              await recordAudit(tx, { actor: officer }, { action: 'person.read', details: { slow: true } });
              started();
              await gate;
            })
          : null;
      if (slow) await hasId;
      await write(db, 100);
      await sealAudit(db);
      release?.();
      await slow;
      await sealAudit(db);
      const report = await verifyAuditChain(db);
      assert.deepEqual(report, { ok: true, checked: slow ? 7 : 6, unsealed: 0 });
      if (slow) {
        const [last] = await db.query<{ details: { slow?: boolean } }>(
          'select details from audit_log order by seal_seq desc limit 1',
        );
        assert.equal(last!.details.slow, true, 'the late entry is the newest link');
      }
    });

    it('seals every entry of many concurrent transactions exactly once', async () => {
      const before = (await verifyAuditChain(db)).checked;
      await Promise.all([
        ...Array.from({ length: 30 }, (_, i) => write(db, 1000 + i)),
        sealAudit(db),
        sealAudit(db),
      ]);
      await sealAudit(db, { wait: true });
      assert.deepEqual(await verifyAuditChain(db), { ok: true, checked: before + 30, unsealed: 0 });
    });

    it('refuses updates and deletes, sealed or not, except the sealing itself', async () => {
      await assert.rejects(db.query("update audit_log set reason = 'x' where id = 1"), /append-only/);
      await assert.rejects(db.query('delete from audit_log where id = 1'), /append-only/);
      await write(db, 2000);
      await assert.rejects(
        db.query("update audit_log set action = 'person.update' where hash is null"),
        /append-only/,
        'an unsealed entry cannot be changed either',
      );
      await assert.rejects(
        db.query(
          "update audit_log set action = 'person.update', hash = 'x', prev_hash = 'y', seal_seq = 999999 where hash is null",
        ),
        /append-only/,
        'nor changed while being sealed',
      );
      await assert.rejects(
        db.query("update audit_log set hash = 'x' where seal_seq = 1"),
        /append-only/,
        'nor resealed',
      );
      await sealAudit(db);
    });

    it('detects an entry altered behind the trigger', async () => {
      await db.exec('alter table audit_log disable trigger audit_log_no_update');
      await db.query("update audit_log set action = 'person.update' where seal_seq = 3");
      const [altered] = await db.query<{ id: number }>('select id from audit_log where seal_seq = 3');
      const report = await verifyAuditChain(db);
      assert.deepEqual(report, { ok: false, checked: 2, unsealed: 0, brokenAt: altered!.id, problem: 'mac' });
    });

    it('detects a deleted entry (a gap in the seal order)', async () => {
      await db.query("update audit_log set action = 'person.read' where seal_seq = 3");
      assert.equal((await verifyAuditChain(db)).ok, true, 'restored');
      await db.query('delete from audit_log where seal_seq = 4');
      await db.exec('alter table audit_log enable trigger audit_log_no_update');
      const report = await verifyAuditChain(db);
      assert.equal(report.ok, false);
      assert.equal(report.problem, 'gap');
      assert.equal(report.checked, 3);
    });
  });
}
