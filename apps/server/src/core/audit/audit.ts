import type { AuditAction } from '@phongdich/contracts';
import type { Db, Param, Queryable } from '../db/db';
import type { Actor } from '../auth/actor';
import { LOCKS } from '../db/locks';
import { auditKeysOf, type AuditKeys } from './audit-keys';
import {
  chainHash,
  entryHash,
  entryMac,
  entryMacValid,
  GENESIS,
  storedDetails,
  storedUuid,
  type EntryContent,
} from './entry-crypto';

export { entryHash, GENESIS } from './entry-crypto';
export { verifyAuditChain, type ChainReport, type ChainProblem } from './verify';

export interface AuditEntry {
  action: AuditAction;
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

export interface AuditRowStored extends EntryContent {
  id: number;
  prev_hash: string | null;
  hash: string | null;
  seal_seq: number | null;
  mac: string | null;
  rejected: string | null;
}

/**
 * Appends one entry, with the application's MAC of its content (see entryMac). Call it inside the
 * transaction that does the work, so the audit and the change commit or fail together. The entry
 * is chained by the sealer (`sealAudit`) shortly after commit: no lock is taken here, so audited
 * writes across the country do not wait on each other.
 */
/** What an entry stores (and its MAC covers), from who acted and what they did. */
function contentOf(ctx: AuditContext, entry: AuditEntry, at: Date): EntryContent {
  const a = ctx.actor;
  return {
    at,
    actor_account_id: a.kind === 'anonymous' ? null : a.accountId,
    actor_role: a.kind === 'anonymous' ? 'anonymous' : a.role,
    actor_unit: a.kind === 'staff' || a.kind === 'machine' ? a.unitCode : null,
    action: entry.action,
    person_id: storedUuid(entry.personId),
    ip: ctx.ip ?? null,
    request_id: ctx.requestId ?? null,
    reason: entry.reason ?? null,
    break_glass: entry.breakGlass ?? false,
    details: storedDetails(entry.details),
  };
}

export async function recordAudit(q: Queryable, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  const c = contentOf(ctx, entry, new Date());
  await q.query(
    `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
       reason, break_glass, details, mac)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12)`,
    [
      c.at,
      c.actor_account_id,
      c.actor_role,
      c.actor_unit,
      c.action,
      c.person_id,
      c.ip,
      c.request_id,
      c.reason,
      c.break_glass,
      JSON.stringify(c.details),
      entryMac(auditKeysOf(q).entry, c),
    ],
  );
}

/**
 * Many entries by one actor in one statement (an event handler's batch), each with its own MAC, in
 * the caller's transaction: the same entries `recordAudit` would write one by one.
 */
export async function recordAudits(
  q: Queryable,
  ctx: AuditContext,
  entries: readonly AuditEntry[],
): Promise<void> {
  if (!entries.length) return;
  const at = new Date();
  const contents = entries.map((entry) => contentOf(ctx, entry, at));
  const key = auditKeysOf(q).entry;
  const c = contents[0]!;
  await q.query(
    `insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, person_id, ip, request_id,
       reason, break_glass, details, mac)
     select $1, $2, $3, $4, u.action, u.person_id, $5, $6, u.reason, u.break_glass, u.details, u.mac
     from unnest($7::text[], $8::uuid[], $9::text[], $10::boolean[], $11::jsonb[], $12::text[])
       with ordinality as u(action, person_id, reason, break_glass, details, mac, o)
     order by u.o`,
    [
      at,
      c.actor_account_id,
      c.actor_role,
      c.actor_unit,
      c.ip,
      c.request_id,
      contents.map((e) => e.action),
      contents.map((e) => e.person_id),
      contents.map((e) => e.reason),
      contents.map((e) => e.break_glass),
      contents.map((e) => JSON.stringify(e.details)),
      contents.map((e) => entryMac(key, e)),
    ],
  );
}

/**
 * For writers that store many records in one statement (the check-in group commit): a CTE that
 * appends one entry (anonymous, or the given actor's) with `details` when `source` returned exactly `rows` rows, in the
 * same statement, so the records and their audit commit together in a single round trip. The
 * application MACs the entry it expects; if `source` returned some rows but not all (some were
 * stored before), the entry would not match its MAC, so the statement fails instead (the audit
 * check constraint refuses an entry without one) and the caller writes the rows one by one. No entry
 * is written when `source` returned no row. Its parameters follow the caller's, from `$firstParam`.
 */
export function auditEntryCte(
  q: Queryable,
  name: string,
  e: {
    action: AuditAction;
    source: string;
    details: Record<string, unknown>;
    rows: number;
    /** Who did it, from where (a staff-recorded check-in); anonymous when absent. */
    actor?: {
      accountId: string | null;
      role: string;
      unit: string | null;
      ip: string | null;
      requestId: string | null;
    };
  },
  firstParam: number,
): { sql: string; params: Param[] } {
  if (!/^[a-z][a-z_]*$/.test(name) || !/^[a-z][a-z_]*$/.test(e.source))
    throw new Error('auditEntryCte: identifiers only');
  const content: EntryContent = {
    at: new Date(),
    actor_account_id: e.actor?.accountId ?? null,
    actor_role: e.actor?.role ?? 'anonymous',
    actor_unit: e.actor?.unit ?? null,
    action: e.action,
    person_id: null,
    ip: e.actor?.ip ?? null,
    request_id: e.actor?.requestId ?? null,
    reason: null,
    break_glass: false,
    details: storedDetails(e.details),
  };
  const p = (i: number) => `$${firstParam + i}`;
  return {
    sql: `${name} as (
    insert into audit_log (at, actor_account_id, actor_role, actor_unit, action, ip, request_id, details, mac)
    select ${p(0)}::timestamptz, ${p(5)}::text, ${p(6)}::text, ${p(7)}::text, ${p(1)}::text,
           ${p(8)}::text, ${p(9)}::text, ${p(2)}::jsonb,
           case when count(*) = ${p(3)}::int then ${p(4)}::text end
      from ${e.source} having count(*) > 0
  )`,
    params: [
      content.at,
      e.action,
      JSON.stringify(content.details),
      e.rows,
      entryMac(auditKeysOf(q).entry, content),
      content.actor_account_id,
      content.actor_role,
      content.actor_unit,
      content.ip,
      content.request_id,
    ],
  };
}

/** The chain in the database does not verify where the sealer would extend it. */
export class AuditChainBroken extends Error {
  override name = 'AuditChainBroken';
  constructor(
    readonly entryId: number | null,
    message: string,
  ) {
    super(message);
  }
}

/** One link's own check: its MAC (keyed entries) and its hash from its stored previous link. */
export function linkVerifies(keys: AuditKeys, r: AuditRowStored): boolean {
  if (r.prev_hash === null || r.hash === null || r.seal_seq === null) return false;
  if (r.mac === null) return entryHash(r.prev_hash, r) === r.hash;
  return (
    entryMacValid(keys.entry, r.mac, r) &&
    chainHash(keys.chain, r.prev_hash, Number(r.seal_seq), Number(r.id), r.mac) === r.hash
  );
}

/** The newest chained entry, checked before anything is chained after it or a head is signed. */
export async function chainTop(q: Queryable, keys: AuditKeys): Promise<AuditRowStored | null> {
  const [top] = await q.query<AuditRowStored>(
    'select * from audit_log where seal_seq is not null order by seal_seq desc limit 1',
  );
  if (!top) return null;
  if (!linkVerifies(keys, top))
    throw new AuditChainBroken(top.id, `audit chain head (entry ${top.id}) does not verify: sealing stopped`);
  return top;
}

/**
 * Chains committed, unsealed entries (oldest id first) after the current head and returns how many
 * it handled. An entry whose MAC does not verify (not written by the application: inserted or
 * altered in the database) is not chained but marked `rejected`, which verification reports. One
 * sealer at a time across all servers: with `wait` it queues for the lock, otherwise it gives way to
 * a sealer already at work. Entries of transactions still open are sealed next time. Throws
 * AuditChainBroken, chaining nothing, when the newest chained entry does not verify.
 */
export async function sealAudit(db: Db, opts: { wait?: boolean; batch?: number } = {}): Promise<number> {
  const keys = auditKeysOf(db);
  const batch = opts.batch ?? 5000;
  let handled = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      if (opts.wait) await tx.query('select pg_advisory_xact_lock($1)', [LOCKS.auditSeal]);
      else {
        const [got] = await tx.query<{ ok: boolean }>('select pg_try_advisory_xact_lock($1) as ok', [
          LOCKS.auditSeal,
        ]);
        if (!got?.ok) return 0;
      }
      const pending = await tx.query<AuditRowStored>(
        'select * from audit_log where hash is null and rejected is null order by id limit $1',
        [batch],
      );
      if (!pending.length) return 0;
      const top = await chainTop(tx, keys);
      let prev = top?.hash ?? GENESIS;
      let seq = Number(top?.seal_seq ?? 0);
      const ids: number[] = [];
      const prevs: string[] = [];
      const hashes: string[] = [];
      const seqs: number[] = [];
      const rejected: number[] = [];
      for (const r of pending) {
        if (!entryMacValid(keys.entry, r.mac, r)) {
          rejected.push(r.id);
          continue;
        }
        const hash = chainHash(keys.chain, prev, ++seq, Number(r.id), r.mac!);
        ids.push(r.id);
        prevs.push(prev);
        hashes.push(hash);
        seqs.push(seq);
        prev = hash;
      }
      if (ids.length)
        await tx.query(
          `update audit_log a set prev_hash = u.prev, hash = u.hash, seal_seq = u.seq
             from unnest($1::bigint[], $2::text[], $3::text[], $4::bigint[]) as u(id, prev, hash, seq)
            where a.id = u.id`,
          [ids, prevs, hashes, seqs],
        );
      if (rejected.length)
        await tx.query(`update audit_log set rejected = 'mac' where id = any($1::bigint[])`, [rejected]);
      return pending.length;
    });
    handled += n;
    if (n < batch) return handled;
  }
}
