import type { Queryable } from '../../core/db/db';
import { noteRevocation } from './verifier-trust';
import type { RevocationChange } from '@phongdich/contracts/keys';

/**
 * Revocation list shared by QR tokens (type 'V', 'P', 'C') and certificates (type 'DCC', id = UVCI).
 * A lifted revocation stays as a row marked reinstated, so the "changes since" feed carries it.
 */
export async function revoke(
  q: Queryable,
  r: { type: string; id: string; reason?: string | null; revokedBy?: string | null },
): Promise<void> {
  await q.query(
    `insert into revocations (type, id, reason, revoked_by) values ($1, $2, $3, $4)
     on conflict (type, id) do update
       set revoked_at = now(), changed_at = now(), reinstated_at = null,
           reason = excluded.reason, revoked_by = excluded.revoked_by
       where revocations.reinstated_at is not null`,
    [r.type, r.id, r.reason ?? null, r.revokedBy ?? null],
  );
  if (r.type === 'DCC') noteRevocation();
}

/** Lifts a revocation (if there is one in force). */
export async function reinstate(q: Queryable, type: string, id: string): Promise<void> {
  await q.query(
    `update revocations set reinstated_at = now(), changed_at = now()
      where type = $1 and id = $2 and reinstated_at is null`,
    [type, id],
  );
  if (type === 'DCC') noteRevocation();
}

export async function isRevoked(q: Queryable, type: string, id: string): Promise<boolean> {
  const rows = await q.query(
    'select 1 from revocations where type = $1 and id = $2 and reinstated_at is null',
    [type, id],
  );
  return rows.length > 0;
}

/**
 * Which of these ids of one type are revoked now (not reinstated): one index read for a list, so a
 * module holding documents (vaccination's certificates) keeps only those in force.
 */
export async function revokedAmong(q: Queryable, type: string, ids: readonly string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const rows = await q.query<{ id: string }>(
    'select id from revocations where type = $1 and id = any($2::text[]) and reinstated_at is null',
    [type, [...new Set(ids)]],
  );
  return new Set(rows.map((r) => r.id));
}

export type { RevocationChange };

/**
 * For offline scanners: without `since`, every revocation in force; with it, every revocation made or
 * lifted after it, oldest change first (no reasons: they may be personal).
 */
export async function revocationChangesSince(q: Queryable, since: Date | null): Promise<RevocationChange[]> {
  const rows = await q.query<{
    type: string;
    id: string;
    revoked_at: Date;
    reinstated_at: Date | null;
    changed_at: Date;
  }>(
    `select type, id, revoked_at, reinstated_at, changed_at from revocations
      where ($1::timestamptz is null and reinstated_at is null) or changed_at > $1
      order by changed_at limit 50000`,
    [since],
  );
  return rows.map((r) => ({
    type: r.type,
    id: r.id,
    revokedAt: r.revoked_at.toISOString(),
    reinstatedAt: r.reinstated_at?.toISOString() ?? null,
    changedAt: r.changed_at.toISOString(),
  }));
}
