import type { Actor } from './actor';

/** Where a person (or a record) lives: the codes of each level. Post-2025 units have no district. */
export interface Location {
  provinceCode: string | null;
  districtCode: string | null;
  communeCode: string | null;
}

/**
 * An account's unit code decides its reach by its length: 2 digits a province, 3 a district,
 * 5 a commune; null means the whole country. A record with no location is only national.
 */
export function inJurisdiction(actor: Actor, loc: Location): boolean {
  if (actor.kind !== 'staff' && actor.kind !== 'machine') return false;
  const unit = actor.unitCode;
  if (unit === null) return true;
  if (unit.length === 2) return loc.provinceCode === unit;
  if (unit.length === 3) return loc.districtCode === unit;
  if (unit.length === 5) return loc.communeCode === unit;
  return false;
}

/** SQL condition restricting rows to the actor's jurisdiction, given the columns' table alias. */
export function jurisdictionSql(
  actor: Actor,
  alias: string,
  paramIndex: number,
): { sql: string; params: string[] } {
  if (actor.kind !== 'staff' && actor.kind !== 'machine') return { sql: 'false', params: [] };
  const unit = actor.unitCode;
  if (unit === null) return { sql: 'true', params: [] };
  const column = unit.length === 2 ? 'province_code' : unit.length === 3 ? 'district_code' : 'commune_code';
  return { sql: `${alias}.${column} = $${paramIndex}`, params: [unit] };
}
