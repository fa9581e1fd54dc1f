/**
 * Audited writes: `concurrency` clients each commit one transaction at a time holding one audit entry
 * (`recordAudit`, what every audited API call adds to its transaction); then how fast the sealer chains
 * the entries written, and whether the chain verifies.
 * Reference: the same transactions inserting the same row into a plain table shaped like audit_log
 * (a real, durable table, dropped afterwards).
 * Both warmed first; rounds alternate reference and product (order swapped each round).
 * Goal: none set in issue #11; ≥ 0.8× proposed here (an audit entry should cost about one insert).
 *
 *   npx tsx bench/audit.bench.ts [--transactions 5000] [--concurrency 16] [--rounds 5]
 *   BENCH_PG=throwaway npx tsx bench/audit.bench.ts      (PostgreSQL with fsync on)
 */
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { alternate, ratioLine } from './lib/rounds';
import { recordAudit, sealAudit, verifyAuditChain } from '../apps/server/src/core/audit/audit';
import type { Actor } from '../apps/server/src/core/auth/actor';

const total = arg('transactions', 5000);
const concurrency = arg('concurrency', 16);
const rounds = arg('rounds', 5);

const actor: Actor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'bench',
};
const PERSON = '11111111-1111-4111-8111-111111111111';

async function closedLoop(n: number, fn: (i: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < n) await fn(next++);
    }),
  );
  return n / ((performance.now() - start) / 1000);
}

const { db, where, done } = await openBenchDb();
try {
  await db.exec(`drop table if exists bench_audit_plain`);
  await db.exec(`create table bench_audit_plain (like audit_log including defaults)`);
  await sealAudit(db, { wait: true });
  let seq = 0;
  const plain = (n: number) =>
    closedLoop(n, () =>
      db.transaction((tx) =>
        tx.query(
          `insert into bench_audit_plain (id, at, actor_account_id, actor_role, actor_unit, action, person_id, details)
           values ($1, now(), $2, 'commune_officer', '00001', 'person.read', $3, $4)`,
          [++seq, actor.accountId, PERSON, JSON.stringify({ i: seq })],
        ),
      ),
    );
  const audited = (n: number) =>
    closedLoop(n, (i) =>
      db.transaction((tx) =>
        recordAudit(
          tx,
          { actor, ip: '127.0.0.1' },
          { action: 'person.read', personId: PERSON, details: { i } },
        ),
      ),
    );
  const warm = Math.max(200, Math.floor(total / 10));
  await plain(warm);
  await audited(warm);

  console.log(`audited transactions on ${where}: ${total} a round, concurrency ${concurrency}`);
  const { ratios } = await alternate(
    rounds,
    () => plain(total),
    () => audited(total),
    (r) => r,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: one audit entry ${prod.toFixed(0).padStart(6)} tx/s   plain insert ${ref.toFixed(0).padStart(6)} tx/s   ${ratio.toFixed(2)}×`,
      ),
  );
  const t = performance.now();
  const sealed = await sealAudit(db, { wait: true });
  const sealSeconds = (performance.now() - t) / 1000;
  const report = await verifyAuditChain(db);
  console.log(
    `sealing ${sealed} entries into the chain: ${(sealed / sealSeconds).toFixed(0)} entries/s; chain ${report.ok ? 'intact' : 'BROKEN'} (${report.checked} entries)`,
  );
  console.log(ratioLine('audit (audited tx ÷ plain-insert tx)', ratios, '≥ 0.8× (proposed)'));
  if (!report.ok) process.exitCode = 1;
} finally {
  await db.exec(`drop table if exists bench_audit_plain`).catch(() => {});
  await done();
}
