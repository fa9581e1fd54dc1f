import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbTargets, type DbTarget } from '../../test-support/test-db';
import type { Db } from '../db/db';
import type { Actor } from '../auth/actor';
import { auditKeysOf } from './audit-keys';
import { entryHash, recordAudit, sealAudit, verifyAuditChain, type AuditRowStored } from './audit';
import { HeadStore } from './heads';
import { publishHead } from './sealer';
import { checkAuditTrail } from '../../modules/audit';

const officer: Actor = {
  kind: 'staff',
  accountId: 'acc-1',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'Cán bộ',
};
const PERSON = '11111111-1111-4111-8111-111111111111';

/**
 * Someone with the application's database role (owner of audit_log: it can switch the append-only
 * trigger off) but not its configuration, so without the audit keys. Eight entries are chained and
 * a signed head published over all of them; then one tampering, then verification as the API and
 * `npm run audit:verify` run it (seal, publish, check).
 */
async function chainWithHead(
  target: DbTarget,
): Promise<{ db: Db; heads: HeadStore; rows: AuditRowStored[] }> {
  const db = await target.open();
  const heads = new HeadStore(fs.mkdtempSync(path.join(os.tmpdir(), 'pd-heads-test-')), auditKeysOf(db));
  for (let i = 0; i < 8; i++) {
    await db.transaction((tx) =>
      recordAudit(
        tx,
        { actor: officer, ip: '10.0.0.1' },
        { action: 'person.read', personId: PERSON, details: { i } },
      ),
    );
    if (i === 3) {
      await sealAudit(db, { wait: true });
      await publishHead(db, heads);
    }
  }
  await sealAudit(db, { wait: true });
  await publishHead(db, heads);
  const rows = await db.query<AuditRowStored>('select * from audit_log order by seal_seq');
  assert.equal(rows.length, 8);
  const intact = await checkAuditTrail(db, heads);
  assert.equal(intact.ok, true, 'intact before the tampering');
  assert.equal(intact.heads, 2);
  await db.exec('alter table audit_log disable trigger audit_log_no_update');
  return { db, heads, rows };
}

const bySeq = (rows: AuditRowStored[], seq: number) => rows.find((r) => Number(r.seal_seq) === seq)!;

for (const target of dbTargets()) {
  describe(`audit tampering with database access, without the keys (${target.name})`, () => {
    let db: Db;
    let heads: HeadStore;
    let rows: AuditRowStored[];
    const open = async () => ({ db, heads, rows } = await chainWithHead(target));
    const close = async () => {
      await db.close();
    };

    describe('1. deleting the newest entries', () => {
      before(open);
      after(close);
      it('is truncation: the last head covered them', async () => {
        await db.query('delete from audit_log where seal_seq > 6');
        const report = await checkAuditTrail(db, heads);
        assert.equal(report.ok, false);
        assert.equal(report.problem, 'truncated');
        assert.equal(report.checked, 6);
        assert.equal(heads.read().heads.length, 2, 'no head is signed over the shortened chain');
      });
    });

    describe('2. deleting an entry in the middle', () => {
      before(open);
      after(close);
      it('leaves a gap in the seal order', async () => {
        await db.query('delete from audit_log where seal_seq = 4');
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'gap', bySeq(rows, 5).id]);
      });
    });

    describe('3. rewriting an entry and recomputing the hashes after it', () => {
      before(open);
      after(close);
      it('does not verify: without the keys neither its MAC nor the links can be remade', async () => {
        // What passed before: change the content, then recompute every unkeyed hash from there on,
        // dropping the MACs so the entries pass for ones sealed before keying (and the constraint
        // that wants a MAC on new rows: the owner may).
        await db.exec('alter table audit_log drop constraint audit_log_mac_present');
        let prev = bySeq(rows, 2).hash!;
        for (let seq = 3; seq <= 8; seq++) {
          const r = bySeq(rows, seq);
          const content = seq === 3 ? { ...r, reason: 'đã sửa', details: { i: 99 } } : r;
          const hash = entryHash(prev, content);
          await db.query(
            `update audit_log set reason = $2, details = $3, mac = null, prev_hash = $4, hash = $5 where id = $1`,
            [r.id, content.reason, JSON.stringify(content.details), prev, hash],
          );
          prev = hash;
        }
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'unkeyed', bySeq(rows, 3).id]);
        // Keeping the MAC instead: it does not match the new content.
        await db.query('update audit_log set mac = $2 where id = $1', [
          bySeq(rows, 3).id,
          bySeq(rows, 3).mac,
        ]);
        const again = await checkAuditTrail(db, heads);
        assert.deepEqual([again.ok, again.problem, again.brokenAt], [false, 'mac', bySeq(rows, 3).id]);
      });
    });

    describe('4. renumbering after a deletion', () => {
      before(open);
      after(close);
      it('does not verify: each link binds its position and the one before', async () => {
        const gone = bySeq(rows, 4);
        await db.query('delete from audit_log where id = $1', [gone.id]);
        await db.query('update audit_log set seal_seq = seal_seq - 1 where seal_seq > 4');
        // The entry now numbered 4 (it was 5) is linked to 3, as if nothing had been between them.
        await db.query('update audit_log set prev_hash = $1 where seal_seq = 4', [bySeq(rows, 3).hash]);
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'hash', bySeq(rows, 5).id]);
      });
    });

    describe('5. inserting a forged back-dated entry and letting the sealer run', () => {
      before(open);
      after(close);
      it('is not chained but rejected, and reported', async () => {
        const copied = bySeq(rows, 2);
        const [forged] = await db.query<{ id: number }>(
          `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, details, mac)
           values (now() - interval '3 days', 'acc-1', 'commune_officer', '00001', 'person.read', $1, '{"i":-1}', $2)
           returning id`,
          [PERSON, `${copied.mac!.slice(0, -4)}AAAA`],
        );
        assert.equal(await sealAudit(db, { wait: true }), 1, 'the sealer looked at it');
        const [row] = await db.query<AuditRowStored>('select * from audit_log where id = $1', [forged!.id]);
        assert.equal(row!.hash, null, 'not chained');
        assert.equal(row!.rejected, 'mac');
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual(
          [report.ok, report.problem, report.brokenAt, report.rejected, report.checked],
          [false, 'rejected', forged!.id, 1, 8],
        );
      });

      it('is reported before the sealer runs too', async () => {
        const [forged] = await db.query<{ id: number }>(
          `insert into audit_log (at, actor_role, action, details, mac)
           values (now() - interval '1 day', 'anonymous', 'person.read', '{}', 'v1.x.y') returning id`,
        );
        const report = await verifyAuditChain(db, { heads });
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'forged', forged!.id]);
      });
    });

    describe('5b. inserting a copy of a genuine entry (its MAC verifies)', () => {
      before(open);
      after(close);
      it('is chained but reported as a copy', async () => {
        const [copy] = await db.query<{ id: number }>(
          `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
             reason, break_glass, details, mac)
           select at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id, reason,
                  break_glass, details, mac from audit_log where seal_seq = 2
           returning id`,
        );
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual(
          [report.ok, report.problem, report.brokenAt, report.checked],
          [false, 'duplicate', bySeq(rows, 2).id, 9],
        );
        assert.ok(copy!.id > bySeq(rows, 8).id);
      });
    });

    describe('6. modifying an entry', () => {
      before(open);
      after(close);
      it('breaks its MAC', async () => {
        await db.query(`update audit_log set action = 'person.update' where seal_seq = 5`);
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'mac', bySeq(rows, 5).id]);
      });
    });

    describe('outside the database: editing or removing a published head', () => {
      before(open);
      after(close);
      it('is reported: heads are signed and each names the one before', async () => {
        const file = path.join(heads.dir, fs.readdirSync(heads.dir)[0]!);
        const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
        fs.writeFileSync(file, `${lines[0]!.replace('"count":4', '"count":3')}\n${lines[1]}\n`);
        const edited = await verifyAuditChain(db, { heads: new HeadStore(heads.dir, auditKeysOf(db)) });
        assert.deepEqual([edited.ok, edited.problem], [false, 'heads']);
        fs.writeFileSync(file, `${lines[1]}\n`);
        const removed = await verifyAuditChain(db, { heads: new HeadStore(heads.dir, auditKeysOf(db)) });
        assert.deepEqual([removed.ok, removed.problem], [false, 'heads']);
      });
    });

    describe('7. modifying a stored hash', () => {
      before(open);
      after(close);
      it('breaks the link', async () => {
        await db.query(`update audit_log set hash = $1 where seal_seq = 5`, ['f'.repeat(64)]);
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual([report.ok, report.problem, report.brokenAt], [false, 'hash', bySeq(rows, 5).id]);
      });

      it('of the newest entry: nothing is chained after it, and verification says where', async () => {
        await db.query(`update audit_log set hash = $1 where seal_seq = 5`, [bySeq(rows, 5).hash]);
        await db.query(`update audit_log set hash = $1 where seal_seq = 8`, ['e'.repeat(64)]);
        await db.transaction((tx) => recordAudit(tx, { actor: officer }, { action: 'person.read' }));
        await assert.rejects(sealAudit(db, { wait: true }), /does not verify/);
        const report = await checkAuditTrail(db, heads);
        assert.deepEqual(
          [report.ok, report.problem, report.brokenAt, report.unsealed],
          [false, 'hash', bySeq(rows, 8).id, 1],
        );
      });
    });
  });
}
