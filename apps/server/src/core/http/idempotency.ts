import { createHash } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import type { Actor } from '../auth/actor';
import { AppError } from '../errors';

export interface IdempotentResult<T> {
  status: number;
  body: T;
  /** True when this is the stored answer to an earlier request with the same key. */
  replayed: boolean;
}

/** Keys are scoped to the route and the account, so two users can never collide or read each other's. */
export function idempotencyScope(route: string, actor: Actor): string {
  return `${route}|${actor.kind === 'anonymous' ? 'anonymous' : actor.accountId}`;
}

/** Stable JSON (sorted keys) so the same body always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

/** Only a hash of the body is kept: the body may hold personal data. */
export function requestHash(body: unknown): string {
  return createHash('sha256').update(canonical(body)).digest('hex');
}

class KeyTakenMeanwhile extends Error {}

async function stored<T>(q: Queryable, scope: string, key: string, hash: string) {
  const rows = await q.query<{ request_hash: string; status_code: number; response: T }>(
    'select request_hash, status_code, response from idempotency_keys where scope = $1 and key = $2',
    [scope, key],
  );
  const row = rows[0];
  if (!row) return undefined;
  if (row.request_hash !== hash) throw new AppError('IDEMPOTENCY_KEY_REUSED');
  return { status: row.status_code, body: row.response, replayed: true };
}

/**
 * Runs `work` in a transaction and stores its answer under (scope, key) in the same transaction.
 * A retry with the same key and body gets the stored answer; with another body, 422. Two concurrent
 * first requests race on the primary key: the loser's work is rolled back and it replays the winner's.
 * Failures are not stored, so a request refused for invalid input can be corrected and retried.
 */
export async function runIdempotent<T>(
  db: Db,
  opts: { scope: string; key: string | undefined; body: unknown; status: number },
  work: (tx: Queryable) => Promise<T>,
): Promise<IdempotentResult<T>> {
  if (!opts.key) return { status: opts.status, body: await db.transaction(work), replayed: false };
  const { scope, key } = opts;
  if (key.length > 200) throw new AppError('MALFORMED_REQUEST', undefined, 'idempotency key too long');
  const hash = requestHash(opts.body);
  const earlier = await stored<T>(db, scope, key, hash);
  if (earlier) return earlier;
  try {
    const body = await db.transaction(async (tx) => {
      const result = await work(tx);
      const inserted = await tx.query(
        `insert into idempotency_keys (scope, key, request_hash, status_code, response)
         values ($1, $2, $3, $4, $5) on conflict do nothing returning key`,
        [scope, key, hash, opts.status, JSON.stringify(result)],
      );
      if (!inserted.length) throw new KeyTakenMeanwhile();
      return result;
    });
    return { status: opts.status, body, replayed: false };
  } catch (err) {
    // The concurrent winner may also have made our work fail (e.g. a unique index): replay it.
    const winner = await stored<T>(db, scope, key, hash);
    if (!winner) throw err;
    return winner;
  }
}
