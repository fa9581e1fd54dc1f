import type { Queryable } from '../../core/db/db';
import { throttled } from '../../core/errors';
import { keyedHash } from '../../core/auth/tokens';

/** Guesses of one account's password from one address before each further one must wait. */
export const FREE_PASSWORD_GUESSES = 5;
/** The wait after the fifth failure; it doubles with each further one, up to MAX_DELAY_SECONDS. */
export const FIRST_DELAY_SECONDS = 30;
export const MAX_DELAY_SECONDS = 15 * 60;

/** The wait, in seconds, after `n` counted failures (an SQL expression of `n`). */
function delaySql(n: string): string {
  return `case when ${n} >= ${FREE_PASSWORD_GUESSES}
    then least(${MAX_DELAY_SECONDS}, ${FIRST_DELAY_SECONDS} * power(2, ${n} - ${FREE_PASSWORD_GUESSES}))
    else 0 end`;
}

/** Failures older than a day are forgotten at the next guess. */
const counted = `case when g.updated_at < now() - interval '1 day' then 1 else g.failures + 1 end`;

export interface GuessKey {
  accountId: string;
  ipHash: string;
}

/** Per account and client address: a stranger's guesses slow the stranger, not the account's owner. */
export function guessKey(serverSecret: string, accountId: string, ip: string | null | undefined): GuessKey {
  return { accountId, ipHash: keyedHash(serverSecret, 'password-guess-ip', ip ?? 'unknown') };
}

/**
 * Counts a guess as a failure BEFORE the password is checked, in one statement, or throws
 * SIGN_IN_THROTTLED while this address must wait. Concurrent guesses queue on the row, so no more
 * than FREE_PASSWORD_GUESSES are ever checked at once. A right guess then calls `forgetGuesses`.
 * Returns the failures counted so far, this guess included.
 */
export async function claimPasswordGuess(q: Queryable, key: GuessKey): Promise<number> {
  const rows = await q.query<{ failures: number }>(
    `insert into password_guesses as g (account_id, ip_hash, failures, next_allowed_at, updated_at)
     values ($1, $2, 1, now() + make_interval(secs => ${delaySql('1')}), now())
     on conflict (account_id, ip_hash) do update set
       failures = ${counted},
       next_allowed_at = now() + make_interval(secs => ${delaySql(`(${counted})`)}),
       updated_at = now()
     where g.next_allowed_at <= now()
     returning failures`,
    [key.accountId, key.ipHash],
  );
  if (!rows[0]) throw throttled('SIGN_IN_THROTTLED', await secondsToWait(q, key));
  return rows[0].failures;
}

/** How long this address must still wait before its next guess of this account's password. */
async function secondsToWait(q: Queryable, key: GuessKey): Promise<number> {
  const rows = await q.query<{ s: number | null }>(
    `select extract(epoch from next_allowed_at - now())::float8 as s from password_guesses
      where account_id = $1 and ip_hash = $2`,
    [key.accountId, key.ipHash],
  );
  return Number(rows[0]?.s ?? 1);
}

/** The right password: that address starts afresh. */
export async function forgetGuesses(q: Queryable, key: GuessKey): Promise<void> {
  await q.query('delete from password_guesses where account_id = $1 and ip_hash = $2', [
    key.accountId,
    key.ipHash,
  ]);
}

/**
 * The right password but a step still to come (the two-factor code): the guess was not a failure.
 * Two-factor failures stay counted, so knowing the password gives no free run at the code.
 */
export async function refundGuess(q: Queryable, key: GuessKey): Promise<void> {
  await q.query(
    `update password_guesses g set failures = greatest(g.failures - 1, 0),
       next_allowed_at = now() + make_interval(secs => ${delaySql('greatest(g.failures - 1, 0)')})
     where account_id = $1 and ip_hash = $2`,
    [key.accountId, key.ipHash],
  );
}
