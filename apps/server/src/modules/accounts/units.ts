import type { Queryable } from '../../core/db/db';
import { NOWHERE, type Location } from '../../core/auth/jurisdiction';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';
import type { LevelName, UnitStructure } from '../../core/units/structure';

export interface UnitRef {
  code: string;
  level: number;
  levelName: LevelName;
  structure: UnitStructure;
  name: string;
  location: Location;
}

/**
 * An administrative unit of the given structure (by default the deployment's) and the location it
 * stands for (its own code at its level, its parents above). District codes do not contain the
 * province code, so this needs the table.
 */
export async function findUnit(
  q: Queryable,
  code: string,
  structure?: UnitStructure,
): Promise<UnitRef | undefined> {
  const rows = await q.query<{
    code: string;
    level: number;
    level_name: LevelName;
    structure: UnitStructure;
    name: string;
    province_code: string;
    district_code: string | null;
  }>(
    `select code, level, level_name, structure, name, province_code, district_code from unit_brief
     where structure = coalesce($2, ${DEPLOYMENT_STRUCTURE_SQL}) and code = $1`,
    [code, structure ?? null],
  );
  const u = rows[0];
  if (!u) return undefined;
  return {
    code: u.code,
    level: u.level,
    levelName: u.level_name,
    structure: u.structure,
    name: u.name,
    location: {
      structure: u.structure,
      provinceCode: u.province_code,
      districtCode: u.level === 2 ? u.code : u.level === 3 ? u.district_code : null,
      communeCode: u.level === 3 ? u.code : null,
    },
  };
}

/** Where an account's scope lies: national (null unit) has no location, so only national reaches it. */
export const NATIONAL: Location = NOWHERE;

export async function unitNames(q: Queryable, codes: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await q.query<{ code: string; name: string }>(
    `select code, full_name as name from unit_brief where structure = ${DEPLOYMENT_STRUCTURE_SQL} and code = any($1::text[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}
