import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { Queryable } from '../../core/db/db';

export type ClaimedNumbers = Partial<Record<'cccd' | 'cmnd' | 'passport' | 'bhyt', string>>;

export interface ClaimRow {
  id: string;
  person_id: string;
  actor_account_id: string | null;
  at: Date;
  changes: { claimed: ClaimedNumbers; status: string };
}

/**
 * A claim is a person_history entry of kind identity_claim with status pending; it is resolved by a
 * later identity_claim entry on the same record (history stays append-only). Open means: the latest
 * such entry is the pending one and the record has not been merged away.
 */
const OPEN = `h.kind = 'identity_claim' and h.changes->>'status' = 'pending' and p.merged_into is null
  and not exists (select 1 from person_history r
                   where r.person_id = h.person_id and r.kind = 'identity_claim' and r.id > h.id)`;

/** Open claims on records of the officer's area, oldest first. */
export async function openClaimsIn(q: Queryable, actor: Actor, limit: number): Promise<ClaimRow[]> {
  const area = jurisdictionSql(actor, 'p', 2);
  return q.query<ClaimRow>(
    `select h.id::text as id, h.person_id, h.actor_account_id, h.at, h.changes
       from person_history h join persons p on p.id = h.person_id
      where ${OPEN} and ${area.sql}
      order by h.id limit $1`,
    [limit, ...area.params],
  );
}

/** One claim (its pending entry), and whether it is still open. */
export async function claimById(
  q: Queryable,
  id: string,
): Promise<(ClaimRow & { open: boolean; status: string }) | undefined> {
  const rows = await q.query<ClaimRow & { open: boolean; status: string }>(
    `select h.id::text as id, h.person_id, h.actor_account_id, h.at, h.changes, (${OPEN}) as open,
            coalesce((select r.changes->>'status' from person_history r
                       where r.person_id = h.person_id and r.kind = 'identity_claim' and r.id > h.id
                       order by r.id desc limit 1),
                     case when p.merged_into is null then 'pending' else 'merged' end) as status
       from person_history h join persons p on p.id = h.person_id
      where h.id = $1::bigint and h.kind = 'identity_claim' and h.changes->>'status' = 'pending'`,
    [id],
  );
  return rows[0];
}
