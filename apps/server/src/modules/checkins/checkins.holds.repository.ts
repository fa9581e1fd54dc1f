import type { Actor } from '../../core/auth/actor';
import { canAt } from '../../core/auth/policy';
import { jurisdictionSql, NOWHERE, type Location } from '../../core/auth/jurisdiction';
import type { Param, Queryable } from '../../core/db/db';
import type { UnitStructure } from '../../core/units/structure';
import { activeHoldSql, findHold, type HoldKind, type HoldRowBase } from '../../core/holds.kind';

/** A hold with what its readers need: the point's name, who placed it, and where its subject is. */
export interface CheckinHoldRow extends HoldRowBase {
  venue_id: string | null;
  venue_name: string | null;
  from_time: Date;
  to_time: Date;
  created_by_account_id: string | null;
  p_structure: UnitStructure | null;
  p_province: string | null;
  p_district: string | null;
  p_commune: string | null;
  v_structure: UnitStructure | null;
  v_province: string | null;
  v_district: string | null;
  v_commune: string | null;
}

export interface NewCheckinHold {
  personId: string | null;
  venueId: string | null;
  from: Date;
  to: Date;
  until: Date;
  reason: string;
  accountId: string | null;
}

// People, points and accounts are other modules' tables: read by id through their read views (0069),
// for a name and a location.
const SELECT = `select h.id, h.person_id, h.venue_id, v.name as venue_name,
    p.commune_name as person_commune_name, h.from_time, h.to_time, h.reason,
    h.held_until, h.created_by_account_id, a.display_name as created_by_name, h.created_at,
    h.held_until > now() as active, h.released_at, r.display_name as released_by_name,
    p.unit_structure as p_structure, p.province_code as p_province, p.district_code as p_district, p.commune_code as p_commune,
    v.unit_structure as v_structure, v.province_code as v_province, v.district_code as v_district, v.commune_code as v_commune
  from checkin_holds h
  left join person_brief p on p.id = h.person_id
  left join venue_brief v on v.id = h.venue_id
  left join account_brief a on a.id = h.created_by_account_id
  left join account_brief r on r.id = h.released_by_account_id`;

export const personLocationOf = (r: CheckinHoldRow): Location | null =>
  r.person_id
    ? r.p_structure
      ? {
          provinceCode: r.p_province,
          districtCode: r.p_district,
          communeCode: r.p_commune,
          structure: r.p_structure,
        }
      : NOWHERE
    : null;
export const venueLocationOf = (r: CheckinHoldRow): Location | null =>
  r.venue_id
    ? r.v_structure
      ? {
          provinceCode: r.v_province,
          districtCode: r.v_district,
          communeCode: r.v_commune,
          structure: r.v_structure,
        }
      : NOWHERE
    : null;

/** Check-ins as a kind of held data (core/holds.kind.ts): a person's, or a point's, in a time range. */
export const CHECKIN_HOLDS: HoldKind<CheckinHoldRow> = {
  kind: 'checkins',
  table: 'checkin_holds',
  select: SELECT,
  policy: 'checkin.hold',
  audit: { place: 'checkin.hold', read: 'checkin.hold.read', release: 'checkin.hold.release' },
  // Is the hold's person or point in the actor's area?
  inReach: (_q, actor, r) =>
    [personLocationOf(r), venueLocationOf(r)].some((loc) => !!loc && canAt(actor, 'checkin.hold', loc)),
  releaseDetails: (r) => ({ venueId: r.venue_id }),
};

export async function insertCheckinHold(q: Queryable, h: NewCheckinHold): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `insert into checkin_holds (person_id, venue_id, from_time, to_time, held_until, reason,
       created_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7) returning id`,
    [h.personId, h.venueId, h.from, h.to, h.until, h.reason, h.accountId],
  );
  return row!.id;
}

export const findCheckinHold = (q: Queryable, id: string) => findHold(q, CHECKIN_HOLDS, id);

export interface HoldFilter {
  personId?: string;
  venueId?: string;
  /** true: only holds in force; false: only ended ones; undefined: both. */
  active?: boolean;
  /** Without a person or point, only holds whose person or point lies in the actor's area. */
  within?: Actor;
  limit: number;
}

/** Newest first. */
export async function listCheckinHolds(q: Queryable, f: HoldFilter): Promise<CheckinHoldRow[]> {
  const params: Param[] = [f.personId ?? null, f.venueId ?? null, f.active ?? null, f.limit];
  let area = 'true';
  if (f.within) {
    // The same parameter serves both aliases: a hold is in the area if its person or its point is.
    const p = jurisdictionSql(f.within, 'p', 5);
    const v = jurisdictionSql(f.within, 'v', 5);
    area = `(${p.sql} or ${v.sql})`;
    params.push(...p.params);
  }
  return q.query<CheckinHoldRow>(
    `${SELECT}
      where ($1::uuid is null or h.person_id = $1) and ($2::uuid is null or h.venue_id = $2)
        and ${activeHoldSql(3)} and ${area}
      order by h.created_at desc, h.id desc
      limit $4`,
    params,
  );
}
