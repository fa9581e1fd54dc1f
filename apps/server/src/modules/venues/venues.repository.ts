import type { Queryable } from '../../core/db/db';
import type { VenueRow, VenueStatus } from './venues.types';
import type { UnitStructure } from '../../core/units/structure';
import type { Location } from '../../core/auth/jurisdiction';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';
import { accountPhone } from '../accounts';

const COLUMNS = `v.id, v.kind, v.name, v.name_folded, v.commune_code, v.district_code, v.province_code, v.street,
  v.plate_number, v.owner_phone, v.owner_account_id, v.status, v.status_reason, v.reviewed_at,
  v.requires_declaration_hours, v.parent_id, v.unit_structure, v.created_at, v.updated_at, v.version`;

export type NewVenue = Omit<
  VenueRow,
  'id' | 'status_reason' | 'reviewed_at' | 'created_at' | 'updated_at' | 'version' | 'unit_structure'
> & {
  /** The unit's map; null: the deployment's. */
  unit_structure: UnitStructure | null;
};

export async function insertVenue(q: Queryable, v: NewVenue): Promise<VenueRow> {
  const rows = await q.query<VenueRow>(
    `insert into venues as v (kind, name, name_folded, commune_code, district_code, province_code, street,
       plate_number, owner_phone, owner_account_id, status, requires_declaration_hours, parent_id,
       unit_structure)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
       coalesce($14, ${DEPLOYMENT_STRUCTURE_SQL})) returning ${COLUMNS}`,
    [
      v.kind,
      v.name,
      v.name_folded,
      v.commune_code,
      v.district_code,
      v.province_code,
      v.street,
      v.plate_number,
      v.owner_phone,
      v.owner_account_id,
      v.status,
      v.requires_declaration_hours,
      v.parent_id,
      v.unit_structure,
    ],
  );
  return rows[0]!;
}

export async function findVenue(q: Queryable, id: string, forUpdate = false): Promise<VenueRow | undefined> {
  const rows = await q.query<VenueRow>(
    `select ${COLUMNS} from venues v where v.id = $1 ${forUpdate ? 'for update' : ''}`,
    [id],
  );
  return rows[0];
}

/** Points' names by id, for another module's list (figures per point): names only, no other column. */
export async function venueNames(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ id: string; name: string }>(
    'select id::text as id, name from venues where id = any($1::uuid[])',
    [[...new Set(ids)]],
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function setVenueStatus(
  q: Queryable,
  id: string,
  change: { status: VenueStatus; reason: string | null; reviewedBy: string },
): Promise<VenueRow> {
  const rows = await q.query<VenueRow>(
    `update venues v set status = $2, status_reason = $3, reviewed_at = now(), reviewed_by_account_id = $4,
       updated_at = now(), version = version + 1
     where v.id = $1 returning ${COLUMNS}`,
    [id, change.status, change.reason, change.reviewedBy],
  );
  return rows[0]!;
}

/**
 * Most specific setting first (commune, district, province) among the units the point lies under,
 * on its own map. With no setting a new point waits for its commune's review: a self-registered
 * point must not reach the people of an area unchecked.
 */
export async function autoApproves(q: Queryable, loc: Location): Promise<boolean> {
  if (loc.structure === null) return false;
  const rows = await q.query<{ auto_approve: boolean }>(
    `select p.auto_approve from venue_review_policies p
     join unit_brief u on u.structure = p.unit_structure and u.code = p.unit_code
     where p.unit_structure = $1 and p.unit_code = any($2::text[])
     order by u.level desc limit 1`,
    [loc.structure, [loc.communeCode, loc.districtCode, loc.provinceCode].filter((c): c is string => !!c)],
  );
  return rows[0]?.auto_approve ?? false;
}

export async function childCounts(q: Queryable, ids: string[]): Promise<Map<string, number>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{ parent_id: string; n: number }>(
    `select parent_id, count(*)::int as n from venues where parent_id = any($1::uuid[]) group by parent_id`,
    [ids],
  );
  return new Map(rows.map((r) => [r.parent_id, r.n]));
}

export interface VenueFilter {
  jurisdiction: { sql: string; params: string[] };
  status?: VenueStatus;
  kind?: string;
  nameFolded?: string;
  communeCode?: string;
  parentId?: string;
  unreviewed?: boolean;
  limit: number;
  offset: number;
}

export async function listVenues(q: Queryable, f: VenueFilter): Promise<{ rows: VenueRow[]; total: number }> {
  const params: unknown[] = [...f.jurisdiction.params];
  const where = [f.jurisdiction.sql];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.status) add('v.status = ?', f.status);
  if (f.kind) add('v.kind = ?', f.kind);
  if (f.communeCode) add('v.commune_code = ?', f.communeCode);
  if (f.parentId) add('v.parent_id = ?', f.parentId);
  if (f.nameFolded) {
    // A plate is stored as capitals and digits: "29b-123" finds "29B12345".
    const plate = f.nameFolded.toUpperCase().replace(/[^A-Z0-9]/g, '');
    params.push(`%${f.nameFolded}%`, `%${plate || '-'}%`);
    where.push(`(v.name_folded like $${params.length - 1} or v.plate_number like $${params.length})`);
  }
  if (f.unreviewed) where.push('v.reviewed_at is null');
  const cond = where.join(' and ');
  const total = await q.query<{ n: number }>(
    `select count(*)::int as n from venues v where ${cond}`,
    params as never,
  );
  const rows = await q.query<VenueRow>(
    `select ${COLUMNS} from venues v where ${cond}
     order by (v.reviewed_at is null) desc, v.created_at desc, v.id
     limit ${Math.trunc(f.limit)} offset ${Math.trunc(f.offset)}`,
    params as never,
  );
  return { rows, total: total[0]?.n ?? 0 };
}

/** Venues the account owns or staffs: by account, or by the phone it signed in with. */
export async function venuesManagedBy(q: Queryable, accountId: string): Promise<VenueRow[]> {
  const phone = await accountPhone(q, accountId);
  return q.query<VenueRow>(
    `select ${COLUMNS} from venues v
     where v.owner_account_id = $1
        or exists (select 1 from venue_staff s
                   where s.venue_id = v.id and (s.account_id = $1 or ($2::text is not null and s.phone = $2)))
     order by v.parent_id nulls first, v.created_at desc limit 500`,
    [accountId, phone],
  );
}

/** May this account act for the venue (owner or staff)? Staff of a parent also manage its children. */
export async function managesVenue(q: Queryable, accountId: string, venueId: string): Promise<boolean> {
  // The account's phone from accounts (a primary-key read): staff listed by phone before they signed in.
  const phone = await accountPhone(q, accountId);
  const rows = await q.query(
    `select 1 from venues v
     where v.id = $2 and (
       v.owner_account_id = $1 or exists (
         select 1 from venue_staff s
         where s.venue_id in (v.id, v.parent_id) and (s.account_id = $1 or ($3::text is not null and s.phone = $3)))
       or exists (select 1 from venues p where p.id = v.parent_id and p.owner_account_id = $1))`,
    [accountId, venueId, phone],
  );
  return rows.length > 0;
}
