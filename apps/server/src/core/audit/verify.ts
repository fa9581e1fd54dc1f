import type { ChainProblem, ChainReport } from '@phongdich/contracts/audit';
import type { Db } from '../db/db';
import { auditKeysOf } from './audit-keys';
import type { AuditRowStored } from './audit';
import { chainHash, entryHash, entryMacValid, GENESIS } from './entry-crypto';
import type { ChainHead, HeadStore } from './heads';

// The report's shape is the HTTP answer's (packages/contracts/src/audit.ts says what each field means).
export type { ChainProblem, ChainReport };

/**
 * Walks the whole chain in seal order, in pages: recomputes every entry's MAC and keyed link (the
 * unkeyed hash for entries sealed before 0022), compares the link at every published head with the
 * one it signed, and checks that no entry a head covered is missing. Then checks the entries outside
 * the chain: waiting ones must carry a valid MAC, and none may have been rejected or copied.
 */
export async function verifyAuditChain(
  db: Db,
  opts: { heads?: HeadStore; pageSize?: number } = {},
): Promise<ChainReport> {
  const keys = auditKeysOf(db);
  const pageSize = opts.pageSize ?? 5000;
  const published = opts.heads?.read() ?? { heads: [], problems: [] };
  const atSeq = new Map<number, ChainHead[]>();
  for (const h of published.heads) atSeq.set(h.sealSeq, [...(atSeq.get(h.sealSeq) ?? []), h]);
  const newest = published.heads.reduce<ChainHead | null>(
    (m, h) => (!m || h.sealSeq > m.sealSeq ? h : m),
    null,
  );

  const [counts] = await db.query<{ unsealed: number; rejected: number; first_rejected: number | null }>(
    `select count(*) filter (where hash is null and rejected is null)::int as unsealed,
            count(*) filter (where rejected is not null)::int as rejected,
            min(id) filter (where rejected is not null) as first_rejected
       from audit_log`,
  );
  const report: ChainReport = {
    ok: true,
    checked: 0,
    legacy: 0,
    unsealed: counts?.unsealed ?? 0,
    rejected: counts?.rejected ?? 0,
    heads: published.heads.length,
    ...(newest ? { lastHead: { sealSeq: newest.sealSeq, time: newest.time } } : {}),
  };
  const fail = (problem: ChainProblem, brokenAt?: number | null): ChainReport => ({
    ...report,
    ok: false,
    problem,
    ...(brokenAt ? { brokenAt: Number(brokenAt) } : {}),
  });

  let prev = GENESIS;
  let lastSeq = 0;
  let keyed = false;
  for (;;) {
    const rows = await db.query<AuditRowStored>(
      'select * from audit_log where seal_seq > $1 order by seal_seq limit $2',
      [lastSeq, pageSize],
    );
    for (const r of rows) {
      const seq = Number(r.seal_seq);
      if (seq !== lastSeq + 1) return fail('gap', r.id);
      if (r.prev_hash !== prev) return fail('link', r.id);
      if (r.mac === null) {
        if (keyed) return fail('unkeyed', r.id);
        if (entryHash(prev, r) !== r.hash) return fail('hash', r.id);
        report.legacy++;
      } else {
        keyed = true;
        if (!entryMacValid(keys.entry, r.mac, r)) return fail('mac', r.id);
        if (chainHash(keys.chain, prev, seq, Number(r.id), r.mac) !== r.hash) return fail('hash', r.id);
      }
      for (const h of atSeq.get(seq) ?? []) if (h.chainHash !== r.hash) return fail('head', r.id);
      prev = r.hash!;
      lastSeq = seq;
      report.checked++;
    }
    if (rows.length < pageSize) break;
  }
  if (newest && lastSeq < newest.sealSeq) return fail('truncated');
  if (published.problems.length) return fail('heads');

  const [stray] = await db.query<{ id: number }>(
    `select id from audit_log where seal_seq is null and (hash is not null or prev_hash is not null)
      order by id limit 1`,
  );
  if (stray) return fail('unchained', stray.id);
  for (let after = 0; ;) {
    const waiting = await db.query<AuditRowStored>(
      'select * from audit_log where hash is null and rejected is null and id > $1 order by id limit $2',
      [after, pageSize],
    );
    for (const r of waiting) if (!entryMacValid(keys.entry, r.mac, r)) return fail('forged', r.id);
    if (waiting.length < pageSize) break;
    after = waiting[waiting.length - 1]!.id;
  }
  if (report.rejected) return fail('rejected', counts?.first_rejected);
  const [copy] = await db.query<{ id: number }>(
    `select min(id) as id from audit_log where mac is not null group by mac having count(*) > 1 limit 1`,
  );
  if (copy) return fail('duplicate', copy.id);
  return report;
}
