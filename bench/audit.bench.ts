/**
 * Audited writes: `concurrency` clients each commit one transaction at a time holding one audit entry
 * (what every audited API call adds), beside the same transactions inserting the same row into a plain
 * table in the same run; then how fast the sealer chains the entries written.
 *
 *   npx tsx bench/audit.bench.ts [--transactions 5000] [--concurrency 16]
 *   DATABASE_URL=postgres://… npx tsx bench/audit.bench.ts
 */
import { openBenchDb } from './lib/bench-db';
import { recordAudit, sealAudit, verifyAuditChain } from '../apps/server/src/core/audit/audit';
import type { Actor } from '../apps/server/src/core/auth/actor';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('transactions', 5000);
const concurrency = arg('concurrency', 16);

const actor: Actor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'commune_officer',
  unitCode: '00001',
  facilityId: null,
  displayName: 'bench',
};
const PERSON = '11111111-1111-4111-8111-111111111111';

async function closedLoop(
  fn: (i: number) => Promise<unknown>,
): Promise<{ perSecond: number; seconds: number }> {
  let next = 0;
  const start = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < total) await fn(next++);
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return { perSecond: total / seconds, seconds };
}

const { db, where } = await openBenchDb();
try {
  await db.exec(`create table if not exists bench_audit_plain (like audit_log including defaults)`);
  await db.exec('truncate bench_audit_plain');
  await sealAudit(db, { wait: true });
  const plain = await closedLoop((i) =>
    db.transaction((tx) =>
      tx.query(
        `insert into bench_audit_plain (id, at, actor_account_id, actor_role, actor_unit, action, person_id, details)
         values ($1, now(), $2, 'commune_officer', '00001', 'person.read', $3, $4)`,
        [i + 1, actor.accountId, PERSON, JSON.stringify({ i })],
      ),
    ),
  );
  const audited = await closedLoop((i) =>
    db.transaction((tx) =>
      recordAudit(
        tx,
        { actor, ip: '127.0.0.1' },
        { action: 'person.read', personId: PERSON, details: { i } },
      ),
    ),
  );
  const t = performance.now();
  const sealed = await sealAudit(db, { wait: true });
  const sealSeconds = (performance.now() - t) / 1000;
  const report = await verifyAuditChain(db);

  const f = (n: number) => n.toFixed(0).padStart(7);
  console.log(
    `audited transactions on ${where}: ${total} transactions, concurrency ${concurrency}, Node ${process.version}`,
  );
  console.log(`reference: one plain insert per transaction  ${f(plain.perSecond)} tx/s`);
  console.log(
    `one audit entry per transaction             ${f(audited.perSecond)} tx/s  (${(audited.perSecond / plain.perSecond).toFixed(2)}× the reference)`,
  );
  console.log(
    `sealing ${sealed} entries into the chain      ${f(sealed / sealSeconds)} entries/s; chain ${report.ok ? 'intact' : 'BROKEN'} (${report.checked} entries)`,
  );
} finally {
  await db.close();
}
