import type { Queryable } from '../../core/db/db';
import type { UnitStructure } from '../../core/units/structure';

/** Who lives with a person: declared family links (either way) and the same street address. */
export async function householdOf(
  q: Queryable,
  personId: string,
): Promise<{ personId: string; relation: 'family_link' | 'same_address' }[]> {
  const rows = await q.query<{ id: string; relation: 'family_link' | 'same_address' }>(
    `with me as (select * from persons where id = $1)
     select l.member_id as id, 'family_link' as relation from person_family_links l where l.person_id = $1
     union
     select l.person_id, 'family_link' from person_family_links l where l.member_id = $1
     union
     -- Same commune (same map) and the same street line, compared without case and spacing: the
     -- expression of migration 0080's index, so this is a lookup, not a pass over the commune.
     select p.id, 'same_address' from persons p, me
      where p.unit_structure = me.unit_structure and p.commune_code = me.commune_code
        and p.merged_into is null and p.street is not null and p.id <> me.id
        and me.street is not null and length(trim(me.street)) > 0
        and lower(regexp_replace(trim(p.street), '\\s+', ' ', 'g')) = lower(regexp_replace(trim(me.street), '\\s+', ' ', 'g'))`,
    [personId],
  );
  // A family member at the same address is a family link (the stronger evidence), once.
  const byId = new Map<string, 'family_link' | 'same_address'>();
  for (const r of rows) if (byId.get(r.id) !== 'family_link') byId.set(r.id, r.relation);
  return [...byId].map(([id, relation]) => ({ personId: id, relation }));
}

/** Where each person lives (the jurisdiction of their contact record); merged records are left out. */
export async function personAreas(
  q: Queryable,
  ids: readonly string[],
): Promise<
  Map<
    string,
    { communeCode: string; districtCode: string | null; provinceCode: string; structure: UnitStructure }
  >
> {
  if (!ids.length) return new Map();
  const rows = await q.query<{
    id: string;
    commune_code: string;
    district_code: string | null;
    province_code: string;
    unit_structure: UnitStructure;
  }>(
    `select id, commune_code, district_code, province_code, unit_structure from persons
      where id = any($1::uuid[]) and merged_into is null`,
    [[...ids]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        communeCode: r.commune_code,
        districtCode: r.district_code,
        provinceCode: r.province_code,
        structure: r.unit_structure,
      },
    ]),
  );
}

/**
 * The person_brief read: what another module's list or document shows of each person named by id
 * (a contact list, a certificate, a label), and where the person lives so the caller can mask it
 * outside its area. One statement for the whole list, by primary key.
 */
export interface PersonBrief {
  id: string;
  fullName: string;
  birthYear: number;
  /** yyyy-mm-dd when known. */
  birthDate: string | null;
  sex: string;
  phones: string[];
  communeCode: string | null;
  districtCode: string | null;
  provinceCode: string | null;
  unitStructure: UnitStructure;
}

export async function personBriefs(q: Queryable, ids: readonly string[]): Promise<Map<string, PersonBrief>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{
    id: string;
    full_name: string;
    birth_year: number;
    birth_date: string | null;
    sex: string;
    phones: string[] | null;
    commune_code: string | null;
    district_code: string | null;
    province_code: string | null;
    unit_structure: UnitStructure;
  }>(
    `select id::text as id, full_name, birth_year, birth_date::text as birth_date, sex, phones, commune_code,
       district_code, province_code, unit_structure
     from persons where id = any($1::uuid[])`,
    [[...new Set(ids)]],
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        fullName: r.full_name,
        birthYear: r.birth_year,
        birthDate: r.birth_date,
        sex: r.sex,
        phones: r.phones ?? [],
        communeCode: r.commune_code,
        districtCode: r.district_code,
        provinceCode: r.province_code,
        unitStructure: r.unit_structure,
      },
    ]),
  );
}
