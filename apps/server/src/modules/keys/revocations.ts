import type { Queryable } from '../../core/db/db';

/** Revocation list shared by QR tokens (type 'V', 'P', 'C') and certificates (type 'DCC', id = UVCI). */
export async function revoke(
  q: Queryable,
  r: { type: string; id: string; reason?: string | null; revokedBy?: string | null },
): Promise<void> {
  await q.query(
    `insert into revocations (type, id, reason, revoked_by) values ($1, $2, $3, $4) on conflict (type, id) do nothing`,
    [r.type, r.id, r.reason ?? null, r.revokedBy ?? null],
  );
}

export async function isRevoked(q: Queryable, type: string, id: string): Promise<boolean> {
  return (await q.query('select 1 from revocations where type = $1 and id = $2', [type, id])).length > 0;
}

/** For offline scanners: what was revoked since their last sync (no reasons: they may be personal). */
export async function revokedSince(
  q: Queryable,
  since: Date | null,
): Promise<{ type: string; id: string; revokedAt: string }[]> {
  const rows = await q.query<{ type: string; id: string; revoked_at: Date }>(
    `select type, id, revoked_at from revocations where ($1::timestamptz is null or revoked_at > $1) order by revoked_at limit 50000`,
    [since],
  );
  return rows.map((r) => ({ type: r.type, id: r.id, revokedAt: r.revoked_at.toISOString() }));
}
