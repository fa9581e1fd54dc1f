import type { Actor } from './actor';
import type { LevelName, UnitStructure } from '../units/structure';

/**
 * Where a person (or a record) lies: its unit's ancestors' codes at each level, top down (the
 * record's materialized path), and the structure they belong to. Units of the 2025 map have no
 * district. The structure is required: codes without their map would let an officer of a 2025
 * commune reach the 2021 commune that had the same code. A record with no unit at all is NOWHERE.
 */
export type Location =
  | {
      provinceCode: string | null;
      districtCode: string | null;
      communeCode: string | null;
      structure: UnitStructure;
    }
  | typeof NOWHERE;

/** No unit (a national account's scope, the whole country): only a national account reaches it. */
export const NOWHERE = Object.freeze({
  provinceCode: null,
  districtCode: null,
  communeCode: null,
  structure: null,
});

/** A record row's unit columns, its structure included: what every record table names a unit by. */
export interface UnitColumns {
  province_code: string | null;
  district_code: string | null;
  commune_code: string | null;
  unit_structure: UnitStructure;
}

/**
 * The Location of a record row. Its structure is required: codes without their map would let an
 * officer of a 2025 commune reach the 2021 commune that had the same code.
 */
export const rowLocation = (r: UnitColumns): Location => ({
  provinceCode: r.province_code,
  districtCode: r.district_code,
  communeCode: r.commune_code,
  structure: r.unit_structure,
});

/** The column (in SQL) and field (in code) holding a record's ancestor at each level. */
const AT_LEVEL = {
  province: { column: 'province_code', field: 'provinceCode' },
  district: { column: 'district_code', field: 'districtCode' },
  commune: { column: 'commune_code', field: 'communeCode' },
} as const satisfies Record<LevelName, { column: string; field: keyof Location }>;

/**
 * How far an actor reaches: everything (a national account), nothing, or the records lying under
 * one unit (whose ancestor at that unit's level is that unit), in one structure.
 */
export type Reach =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'under'; structure: UnitStructure | undefined; level: LevelName; code: string };

/**
 * An actor built without its unit looked up (tests, tools) names its level by the code's length, as
 * the GSO codes do in each map; any other length reaches nothing, in code and in SQL alike.
 */
function levelFromCode(structure: UnitStructure | undefined, code: string): LevelName | null {
  if (code.length === 2) return 'province';
  if (code.length === 5) return 'commune';
  if (code.length === 3 && structure !== '2025') return 'district';
  return null;
}

/** The one jurisdiction rule: both `inJurisdiction` and `jurisdictionSql` are this reach applied. */
export function reachOf(actor: Actor): Reach {
  if (actor.kind === 'system') return { kind: 'all' }; // national: a handler follows the data anywhere
  if (actor.kind !== 'staff' && actor.kind !== 'machine') return { kind: 'none' };
  const code = actor.unitCode;
  if (code === null) return { kind: 'all' };
  const structure = actor.unitStructure;
  // null: the account's unit was looked up and does not exist in its structure.
  const level = actor.unitLevel === undefined ? levelFromCode(structure, code) : actor.unitLevel;
  if (!level) return { kind: 'none' };
  return { kind: 'under', structure, level, code };
}

/**
 * The reach of a unit given as its own Location (its code at its level, its parents above, as
 * accounts' `findUnit` answers it): what an account scoped there reaches. NOWHERE (a national
 * scope) reaches all; a location naming no unit reaches nothing.
 */
export function reachOfUnit(unit: Location): Reach {
  if (unit.structure === null) return { kind: 'all' };
  const level = (['commune', 'district', 'province'] as const).find((l) => unit[AT_LEVEL[l].field] !== null);
  if (!level) return { kind: 'none' };
  return { kind: 'under', structure: unit.structure, level, code: unit[AT_LEVEL[level].field]! };
}

/** Does the record at `loc` lie inside a reach? The one rule `inJurisdiction` applies. */
export function liesWithin(reach: Reach, loc: Location): boolean {
  if (reach.kind !== 'under') return reach.kind === 'all';
  if (loc.structure === null) return false;
  if (reach.structure && reach.structure !== loc.structure) return false;
  return loc[AT_LEVEL[reach.level].field] === reach.code;
}

/** Does the record at `loc` lie under the actor's unit (any depth)? A national account reaches all. */
export function inJurisdiction(actor: Actor, loc: Location): boolean {
  return liesWithin(reachOf(actor), loc);
}

/**
 * SQL condition restricting rows to the actor's jurisdiction, given the table alias of a record with
 * `unit_structure`, `province_code`, `district_code` and `commune_code`. Uses one parameter at most
 * (the unit's code); the structure is one of two fixed words, written inline.
 */
export function jurisdictionSql(
  actor: Actor,
  alias: string,
  paramIndex: number,
): { sql: string; params: string[] } {
  const reach = reachOf(actor);
  if (reach.kind !== 'under') return { sql: reach.kind === 'all' ? 'true' : 'false', params: [] };
  const at = `${alias}.${AT_LEVEL[reach.level].column} = $${paramIndex}`;
  const sql = reach.structure ? `(${alias}.unit_structure = '${reach.structure}' and ${at})` : at;
  return { sql, params: [reach.code] };
}
