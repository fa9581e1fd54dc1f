import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import type { Actor } from '../auth/actor';

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
  prev_hash: string;
  hash: string;
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
 * Appends one entry, chained to the previous one. Call it inside the transaction that does the work,
 * so the audit and the change commit or fail together. The advisory lock orders the chain.
 */
export async function recordAudit(q: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await q.query('select pg_advisory_xact_lock(727275)');
  const last = await q.query<{ hash: string }>('select hash from audit_log order by id desc limit 1');
  const prev = last[0]?.hash ?? GENESIS;
  const a = ctx.actor;
  const row = {
    at: new Date(),
    actor_account_id: a.kind === 'anonymous' ? null : a.accountId,
    actor_role: a.kind === 'anonymous' ? 'anonymous' : a.role,
    actor_unit: a.kind === 'staff' || a.kind === 'machine' ? a.unitCode : null,
    action: entry.action,
    person_id: entry.personId ?? null,
    ip: ctx.ip ?? null,
    request_id: ctx.requestId ?? null,
    reason: entry.reason ?? null,
    break_glass: entry.breakGlass ?? false,
    details: entry.details ?? {},
  };
  const hash = entryHash(prev, row);
  await q.query(
    `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
       reason, break_glass, details, prev_hash, hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13)`,
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
}

export interface ChainReport {
  ok: boolean;
  checked: number;
  /** Id of the first entry whose hash or link does not match. */
  brokenAt?: number;
}

/** Walks the whole chain in pages and recomputes every hash. */
export async function verifyAuditChain(db: Db, pageSize = 5000): Promise<ChainReport> {
  let prev = GENESIS;
  let lastId = 0;
  let checked = 0;
  for (;;) {
    const rows = await db.query<Row>('select * from audit_log where id > $1 order by id limit $2', [
      lastId,
      pageSize,
    ]);
    for (const r of rows) {
      if (r.prev_hash !== prev || entryHash(prev, r) !== r.hash)
        return { ok: false, checked, brokenAt: r.id };
      prev = r.hash;
      lastId = r.id;
      checked++;
    }
    if (rows.length < pageSize) return { ok: true, checked };
  }
}
