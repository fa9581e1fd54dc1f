import type { Queryable } from '../../core/db/db';
import { one } from '../../core/db/db';

export async function countRecentCodes(
  q: Queryable,
  column: 'phone_hash' | 'ip_hash',
  hash: string,
  withinMinutes: number,
): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `select count(*)::int as n from otp_codes where ${column} = $1 and created_at > now() - make_interval(mins => $2)`,
    [hash, withinMinutes],
  );
  return rows[0]!.n;
}

/**
 * Seconds until one more code may be sent for this phone or address: until the oldest of the `limit`
 * newest codes in the window leaves it.
 */
export async function secondsUntilNextCode(
  q: Queryable,
  column: 'phone_hash' | 'ip_hash',
  hash: string,
  withinMinutes: number,
  limit: number,
): Promise<number> {
  const rows = await q.query<{ s: number | null }>(
    `select extract(epoch from min(created_at) + make_interval(mins => $2) - now())::float8 as s
       from (select created_at from otp_codes
              where ${column} = $1 and created_at > now() - make_interval(mins => $2)
              order by created_at desc limit $3) newest`,
    [hash, withinMinutes, limit],
  );
  return Number(rows[0]?.s ?? 1);
}

export async function insertCode(
  q: Queryable,
  c: { phoneHash: string; ipHash: string | null; codeHash: string; ttlSeconds: number },
): Promise<void> {
  await q.query(
    `insert into otp_codes (phone_hash, ip_hash, code_hash, expires_at)
     values ($1, $2, $3, now() + make_interval(secs => $4))`,
    [c.phoneHash, c.ipHash, c.codeHash, c.ttlSeconds],
  );
}

export interface ClaimedGuess {
  id: string;
  code_hash: string;
}

/**
 * Claims one of the newest live code's `maxAttempts` guesses, counting it before it is checked, in one
 * statement: concurrent guesses queue on the row lock and each re-reads `attempts`, so no more than
 * `maxAttempts` guesses are ever evaluated. Undefined when there is no live code or no guess left.
 */
export function claimGuess(
  q: Queryable,
  phoneHash: string,
  maxAttempts: number,
): Promise<ClaimedGuess | undefined> {
  return one<ClaimedGuess>(
    q,
    `update otp_codes set attempts = attempts + 1
     where id = (select id from otp_codes where phone_hash = $1 order by created_at desc, id limit 1)
       and consumed_at is null and expires_at > now() and attempts < $2
     returning id, code_hash`,
    [phoneHash, maxAttempts],
  );
}

/** Consumes a code once: false if a concurrent verification already did. */
export async function consumeCode(q: Queryable, id: string): Promise<boolean> {
  const rows = await q.query(
    'update otp_codes set consumed_at = now() where id = $1 and consumed_at is null returning id',
    [id],
  );
  return rows.length === 1;
}
