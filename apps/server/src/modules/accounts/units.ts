import type { Queryable } from '../../core/db/db';
import type { Location } from '../../core/auth/jurisdiction';

export interface UnitRef {
  code: string;
  level: number;
  name: string;
  location: Location;
}

/**
 * A pre-2025 administrative unit and the location it stands for (its own code at its level, its
 * parents above). District codes do not contain the province code, so this needs the table.
 */
export async function findUnit(q: Queryable, code: string): Promise<UnitRef | undefined> {
  const rows = await q.query<{
    code: string;
    level: number;
    name: string;
    province_code: string;
    district_code: string | null;
  }>(
    `select code, level, name, province_code, district_code from admin_units where structure = 'pre2025' and code = $1`,
    [code],
  );
  const u = rows[0];
  if (!u) return undefined;
  return {
    code: u.code,
    level: u.level,
    name: u.name,
    location: {
      provinceCode: u.province_code,
      districtCode: u.level === 2 ? u.code : u.level === 3 ? u.district_code : null,
      communeCode: u.level === 3 ? u.code : null,
    },
  };
}

/** Where an account's scope lies: national (null unit) has no location, so only national reaches it. */
export const NATIONAL: Location = { provinceCode: null, districtCode: null, communeCode: null };

export async function unitNames(q: Queryable, codes: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await q.query<{ code: string; name: string }>(
    `select code, full_name as name from admin_units where structure = 'pre2025' and code = any($1::text[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
