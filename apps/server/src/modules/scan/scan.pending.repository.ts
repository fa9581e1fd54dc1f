// Pending identities: visitors a venue scanned whose card matches no one in the registry (issue #7 §2).
import type { Queryable } from '../../core/db/db';
import type { UnitStructure } from '../../core/units/structure';
import type { PersonInput } from '../people';

export interface PendingIdentityRow {
  id: string;
  method: 'cccd' | 'bhyt';
  card: PersonInput;
  cccd: string | null;
  bhyt: string | null;
  full_name: string;
  birth_year: number | null;
  venue_id: string;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  created_at: Date;
  status: 'pending' | 'confirmed' | 'merged';
  person_id: string | null;
}

const COLUMNS = `id, method, card, cccd, bhyt, full_name, birth_year, venue_id, commune_code, district_code,
  province_code, unit_structure, created_at, status, person_id`;

/** The pending identity of this card, created on its first scan; a second scan (or a race) finds it. */
export async function pendingForCard(
  q: Queryable,
  p: {
    method: 'cccd' | 'bhyt';
    card: PersonInput;
    venue: { id: string; commune_code: string; district_code: string | null; province_code: string };
    by: string | null;
  },
): Promise<{ row: PendingIdentityRow; created: boolean }> {
  const cccd = p.method === 'cccd' ? (p.card.cccd ?? null) : null;
  const bhyt = p.method === 'bhyt' ? (p.card.bhyt ?? null) : null;
  const birthYear = p.card.birthYear ?? (p.card.birthDate ? Number(p.card.birthDate.slice(0, 4)) : null);
  const inserted = await q.query<PendingIdentityRow>(
    `insert into pending_identities (method, card, cccd, bhyt, full_name, birth_year, venue_id, commune_code,
       district_code, province_code, created_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict do nothing returning ${COLUMNS}`,
    [
      p.method,
      JSON.stringify(p.card),
      cccd,
      bhyt,
      p.card.fullName,
      birthYear,
      p.venue.id,
      p.venue.commune_code,
      p.venue.district_code,
      p.venue.province_code,
      p.by,
    ],
  );
  if (inserted[0]) return { row: inserted[0], created: true };
  const found = await q.query<PendingIdentityRow>(
    `select ${COLUMNS} from pending_identities
      where status = 'pending' and (cccd = $1 or bhyt = $2) order by created_at limit 1`,
    [cccd, bhyt],
  );
  return { row: found[0]!, created: false };
}

export async function findPending(q: Queryable, id: string, forUpdate = false) {
  const rows = await q.query<PendingIdentityRow>(
    `select ${COLUMNS} from pending_identities where id = $1 ${forUpdate ? 'for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function listPending(
  q: Queryable,
  jurisdiction: { sql: string; params: string[] },
  limit: number,
): Promise<(PendingIdentityRow & { venue_name: string | null; visits: number })[]> {
  return q.query(
    `select ${COLUMNS.replace(/(\w+)/g, 'p.$1')}, v.name as venue_name,
       (select count(*)::int from checkin_brief c where c.person_id = p.id) as visits
     from pending_identities p left join venue_brief v on v.id = p.venue_id
     where p.status = 'pending' and ${jurisdiction.sql}
     order by p.created_at, p.id limit ${Math.trunc(limit)}`,
    jurisdiction.params,
  );
}

export async function resolvePending(
  q: Queryable,
  id: string,
  r: { status: 'confirmed' | 'merged'; personId: string; by: string },
): Promise<void> {
  await q.query(
    `update pending_identities set status = $2, person_id = $3, resolved_by_account_id = $4, resolved_at = now()
     where id = $1`,
    [id, r.status, r.personId, r.by],
  );
}

export async function pendingExists(q: Queryable, id: string): Promise<boolean> {
  return (
    (await q.query(`select 1 from pending_identities where id = $1 and status = 'pending'`, [id])).length > 0
  );
}
