import type { Queryable } from '../../core/db/db';

/**
 * Mobile numbers of the active commune health officers of a commune (staff accounts that carry one),
 * for alerts that cannot wait for the next sign-in (cases: a warning sign in a home isolation report).
 */
export async function communeOfficerPhones(
  q: Queryable,
  communeCode: string,
  structure: string,
): Promise<string[]> {
  const rows = await q.query<{ phone: string }>(
    `select distinct phone from accounts
     where kind = 'staff' and role = 'commune_officer' and not disabled and phone is not null
       and unit_code = $1 and unit_structure = $2`,
    [communeCode, structure],
  );
  return rows.map((r) => r.phone);
}

/**
 * The active district officers of a district and province officers of a province on the area's map
 * (their accounts' ids), plus the province officers of `alsoProvinces2025` (for a person still on the
 * 2021 map in a 2025 deployment: the 2025 provinces their commune went into, who serve it now), to
 * notify of what their area must hear at once (vaccination: a serious adverse event).
 */
export async function areaOfficerIds(
  q: Queryable,
  area: {
    districtCode: string | null;
    provinceCode: string;
    structure: string;
    alsoProvinces2025?: readonly string[];
  },
): Promise<string[]> {
  const rows = await q.query<{ id: string }>(
    `select id::text from accounts where not disabled and
       ((unit_structure = $3 and ((role = 'district_officer' and unit_code = $1)
                                  or (role = 'province_officer' and unit_code = $2)))
        or (unit_structure = '2025' and role = 'province_officer' and unit_code = any($4::text[])))`,
    [area.districtCode ?? '', area.provinceCode, area.structure, [...(area.alsoProvinces2025 ?? [])]],
  );
  return rows.map((r) => r.id);
}

/**
 * The phone of each account named (those that carry one), by id; ids that are not account ids (a
 * system actor's name) are passed over. One primary-key read for a batch.
 */
export async function accountPhones(q: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const uuids = [...new Set(ids)].filter((id) => UUID.test(id));
  if (!uuids.length) return new Map();
  const rows = await q.query<{ id: string; phone: string }>(
    'select id::text, phone from accounts where id = any($1::uuid[]) and phone is not null',
    [uuids],
  );
  return new Map(rows.map((r) => [r.id, r.phone]));
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
