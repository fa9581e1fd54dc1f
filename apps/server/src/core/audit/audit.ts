import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import type { Actor } from '../auth/actor';
import { LOCKS } from '../db/locks';

export interface AuditEntry {
  action: string;
  personId?: string | null;
  reason?: string | null;
  breakGlass?: boolean;
  /** Non-personal context only (ids, counts, field names). */
  details?: Record<string, unknown>;
}

export interface AuditContext {
  actor: Actor;
  ip?: string | null;
  requestId?: string | null;
}

interface Row {
  id: number;
  at: Date;
  actor_account_id: string | null;
  actor_role: string | null;
  actor_unit: string | null;
  action: string;
  person_id: string | null;
  ip: string | null;
  request_id: string | null;
  reason: string | null;
  break_glass: boolean;
  details: Record<string, unknown>;
  prev_hash: string | null;
  hash: string | null;
}

export const GENESIS = '0'.repeat(64);

/** Stable JSON: object keys sorted, so the hash does not depend on how jsonb reorders them. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value instanceof Date ? value.toISOString() : value);
}

export function entryHash(prev: string, r: Omit<Row, 'id' | 'hash' | 'prev_hash'>): string {
  const fields = [
    r.at.toISOString(),
    r.actor_account_id,
    r.actor_role,
    r.actor_unit,
    r.action,
    r.person_id,
    r.ip,
    r.request_id,
    r.reason,
    r.break_glass,
    r.details,
  ];
  return createHash('sha256').update(prev).update(canonical(fields)).digest('hex');
}

/**
 * Appends one entry. Call it inside the transaction that does the work, so the audit and the change
 * commit or fail together. The entry is chained by the sealer (`sealAudit`) shortly after commit: no
 * lock is taken here, so audited writes across the country do not wait on each other.
 */
export async function recordAudit(q: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const a = ctx.actor;
  await q.query(
    `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
       reason, break_glass, details)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)`,
    [
      new Date(),
      a.kind === 'anonymous' ? null : a.accountId,
      a.kind === 'anonymous' ? 'anonymous' : a.role,
      a.kind === 'staff' || a.kind === 'machine' ? a.unitCode : null,
      entry.action,
      entry.personId ?? null,
      ctx.ip ?? null,
      ctx.requestId ?? null,
      entry.reason ?? null,
      entry.breakGlass ?? false,
      JSON.stringify(entry.details ?? {}),
    ],
  );
}

/**
 * For writers that store many records in one statement (the check-in group commit): a CTE that
 * appends one entry built in SQL from the rows another CTE returned, so the records and their audit
 * commit together in a single round trip. `detailsSql` is a jsonb expression over `source`; no entry
 * is written when `source` returned no row. Sealed later like every entry.
 */
export function auditEntryCte(
  name: string,
  e: { action: string; source: string; detailsSql: string },
): string {
  if (!/^[a-z][a-z_]*$/.test(name) || !/^[a-z][a-z_]*$/.test(e.source) || !/^[\w.]+$/.test(e.action))
    throw new Error('auditEntryCte: identifiers only');
  return `${name} as (
    insert into audit_log (at, actor_role, action, details)
    select now(), 'anonymous', '${e.action}', ${e.detailsSql} from ${e.source} having count(*) > 0
  )`;
}

/**
 * Chains committed, unsealed entries (oldest id first) after the current head and returns how many
 * it sealed. One sealer at a time across all servers: with `wait` it queues for the lock, otherwise
 * it gives way to a sealer already at work. Entries of transactions still open are sealed next time.
 */
export async function sealAudit(db: Db, opts: { wait?: boolean; batch?: number } = {}): Promise<number> {
  const batch = opts.batch ?? 5000;
  let sealed = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (opts.wait) await tx.query('select pg_advisory_xact_lock($1)', [LOCKS.auditSeal]);
      else {
        const [got] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
          LOCKS.auditSeal,
        ]);
        if (!got?.ok) return 0;
      }
      const pending = await tx.query<Row>('select * from audit_log where hash is null order by id limit $1', [
        batch,
      ]);
      if (!pending.length) return 0;
      const [head] = await tx.query<{ hash: string; seal_seq: string }>(
        'select hash, seal_seq from audit_log where seal_seq is not null order by seal_seq desc limit 1',
      );
      let prev = head?.hash ?? GENESIS;
      let seq = Number(head?.seal_seq ?? 0);
      const ids: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      const seqs: number[] = [];
      for (const r of pending) {
        const hash = entryHash(prev, r);
        ids.push(r.id);
        prevs.push(prev);
        hashes.push(hash);
        seqs.push(++seq);
        prev = hash;
      }
      await tx.query(
        `update audit_log a set prev_hash = u.prev, hash = u.hash, seal_seq = u.seq
           from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) as u(id, prev, hash, seq)
          where a.id = u.id`,
        [ids, prevs, hashes, seqs],
      );
      return pending.length;
    });
    sealed += n;
    if (n < batch) return sealed;
  }
}

export interface ChainReport {
  ok: boolean;
  /** Sealed entries whose hash and link were recomputed. */
  checked: number;
  /** Entries not sealed yet (committed in the last moments, or the sealer is not running). */
  unsealed: number;
  /** Id of the first entry whose hash or link does not match. */
  brokenAt?: number;
}

/** Walks the whole chain in seal order, in pages, and recomputes every hash. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  const [u] = await db.query<{ n: number }>('select count(*)::int as n from audit_log where hash is null');
  const unsealed = u?.n ?? 0;
  for (;;) {
    const rows = await db.query<Row & { seal_seq: string }>(
      'select * from audit_log where seal_seq > $1 order by seal_seq limit $2',
      [lastSeq, pageSize],
    );
    for (const r of rows) {
      if (Number(r.seal_seq) !== lastSeq + 1 || r.prev_hash !== prev || entryHash(prev, r) !== r.hash)
        return { ok: false, checked, unsealed, brokenAt: r.id };
      prev = r.hash!;
      lastSeq = Number(r.seal_seq);
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked, unsealed };
  }
}
