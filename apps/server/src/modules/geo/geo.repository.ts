import type { Unit } from '@phongdich/contracts/geo';
import type { Queryable } from '../../core/db/db';
import type { Structure } from './geo.data';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';
import type { Location } from '../../core/auth/jurisdiction';
import type { LevelName } from '../../core/units/structure';

export type { Structure, Unit };

interface UnitDbRow {
  code: string;
  level: 1 | 2 | 3; // admin_units.level's check constraint
  name: string;
  name_en: string;
  full_name: string;
  full_name_en: string;
  type: string;
  parent_code: string | null;
  province_code: string;
  district_code: string | null;
  population: number | null;
}

const COLUMNS = `u.code, u.level, u.name, u.name_en, u.full_name, u.full_name_en, u.type, u.parent_code,
  u.province_code, u.district_code, u.population`;

function toUnit(r: UnitDbRow): Unit {
  return {
    code: r.code,
    level: r.level,
    name: r.name,
    nameEn: r.name_en,
    fullName: r.full_name,
    fullNameEn: r.full_name_en,
    type: r.type,
    parentCode: r.parent_code,
    provinceCode: r.province_code,
    districtCode: r.district_code,
    ...(r.population === null ? {} : { population: r.population }),
  };
}

export interface UnitFilter {
  structure: Structure;
  level?: number;
  parentCode?: string;
  limit: number;
}

/** Units by level and/or parent, in code order (e.g. all provinces). */
export async function listUnits(q: Queryable, f: UnitFilter): Promise<Unit[]> {
  const rows = await q.query<UnitDbRow>(
    `select ${COLUMNS} from admin_units u
     where u.structure = $1 and ($2::int is null or u.level = $2) and ($3::text is null or u.parent_code = $3)
     order by u.level, u.code limit $4`,
    [f.structure, f.level ?? null, f.parentCode ?? null, f.limit],
  );
  return rows.map(toUnit);
}

/**
 * Ranked search. `folded` is the query through foldVietnamese, `raw` the trimmed query (for codes).
 * Rank 0: the code, folded name or folded full name equals the query; 1: one of the names starts with
 * it; 2: trigram similarity (pg_trgm's threshold). Ranks 0 and 1 list provinces, then districts, then
 * communes; rank 2 lists the closest first.
 */
export async function searchUnits(q: Queryable, f: UnitFilter, raw: string, folded: string): Promise<Unit[]> {
  const rows = await q.query<UnitDbRow>(
    `with matched as (
       select ${COLUMNS}, u.name_folded,
         case when u.code = $5 or u.name_folded = $6 or u.full_name_folded = $6 then 0
              when u.name_folded like $6 || '%' or u.full_name_folded like $6 || '%' then 1
              else 2 end as rank,
         greatest(similarity(u.name_folded, $6), similarity(u.full_name_folded, $6)) as score
       from admin_units u
       where u.structure = $1 and ($2::int is null or u.level = $2)
         and ($3::text is null or u.parent_code = $3)
         and (u.code = $5 or u.name_folded like $6 || '%' or u.full_name_folded like $6 || '%'
              or u.name_folded % $6 or u.full_name_folded % $6)
     )
     select * from matched u
     order by u.rank, case when u.rank = 2 then u.score else 0 end desc, u.level, u.name_folded, u.code
     limit $4`,
    [f.structure, f.level ?? null, f.parentCode ?? null, f.limit, raw, folded],
  );
  return rows.map(toUnit);
}

export async function findUnit(q: Queryable, structure: Structure, code: string): Promise<Unit | undefined> {
  const rows = await q.query<UnitDbRow>(
    `select ${COLUMNS} from admin_units u where u.structure = $1 and u.code = $2`,
    [structure, code],
  );
  return rows[0] && toUnit(rows[0]);
}

/** The province, then the district (pre-2025), containing a unit; empty for a province. */
export async function ancestorsOf(q: Queryable, structure: Structure, unit: Unit): Promise<Unit[]> {
  const codes = [unit.provinceCode, unit.districtCode].filter((c): c is string => !!c && c !== unit.code);
  if (!codes.length) return [];
  const rows = await q.query<UnitDbRow>(
    `select ${COLUMNS} from admin_units u where u.structure = $1 and u.code = any($2::text[]) order by u.level`,
    [structure, codes],
  );
  return rows.map(toUnit);
}

export async function childrenOf(q: Queryable, structure: Structure, code: string): Promise<Unit[]> {
  const rows = await q.query<UnitDbRow>(
    `select ${COLUMNS} from admin_units u where u.structure = $1 and u.parent_code = $2 order by u.code`,
    [structure, code],
  );
  return rows.map(toUnit);
}

export async function countChildren(q: Queryable, structure: Structure, code: string): Promise<number> {
  const rows = await q.query<{ n: number }>(
    'select count(*)::int as n from admin_units where structure = $1 and parent_code = $2',
    [structure, code],
  );
  return rows[0]?.n ?? 0;
}

/** The 2025 units a pre-2025 unit went into (several when it was split). */
export async function mappedTo2025(q: Queryable, oldCode: string): Promise<Unit[]> {
  const rows = await q.query<UnitDbRow>(
    `select ${COLUMNS} from admin_unit_mapping_2025 m
     join admin_units u on u.structure = '2025' and u.code = m.new_code
     where m.old_code = $1 order by u.code`,
    [oldCode],
  );
  return rows.map(toUnit);
}

/**
 * Province and district (none on the 2025 map) of a commune of the given structure, by default the
 * deployment's; undefined if the code is not a commune there. The structure is part of the answer,
 * so a record written from it names its map.
 */
export async function locationOfCommune(
  q: Queryable,
  communeCode: string,
  structure?: Structure,
): Promise<
  { provinceCode: string; districtCode: string | null; communeCode: string; structure: Structure } | undefined
> {
  const rows = await q.query<{
    province_code: string;
    district_code: string | null;
    code: string;
    structure: Structure;
  }>(
    `select province_code, district_code, code, structure from admin_units
     where structure = coalesce($2, ${DEPLOYMENT_STRUCTURE_SQL}) and level = 3 and code = $1`,
    [communeCode, structure ?? null],
  );
  const r = rows[0];
  return (
    r && {
      provinceCode: r.province_code,
      districtCode: r.district_code,
      communeCode: r.code,
      structure: r.structure,
    }
  );
}

/** A unit as jurisdiction sees it: its level and the location it stands for. */
export interface UnitRef {
  code: string;
  level: number;
  levelName: LevelName;
  structure: Structure;
  name: string;
  location: Location;
}

/**
 * A unit of the given structure (by default the deployment's) and the location it stands for (its own
 * code at its level, its parents above): what an account scoped there, or a figure asked for there,
 * reaches. District codes do not contain the province code, so this needs the table.
 */
export async function findUnitRef(
  q: Queryable,
  code: string,
  structure?: Structure,
): Promise<UnitRef | undefined> {
  const rows = await q.query<{
    code: string;
    level: number;
    level_name: LevelName;
    structure: Structure;
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

/**
 * Full names ("Phường Phúc Xá") of units by code, in the deployment's structure; unknown codes and
 * nulls (a record with no district on the 2025 map) are left out.
 */
export async function unitNames(
  q: Queryable,
  codes: readonly (string | null)[],
): Promise<Map<string, string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (!wanted.length) return new Map();
  const rows = await q.query<{ code: string; full_name: string }>(
    `select code, full_name from admin_units where structure = ${DEPLOYMENT_STRUCTURE_SQL} and code = any($1::text[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.code, r.full_name]));
}
