/**
 * The two administrative maps a deployment can run on. 'pre2025' is the three-level map in force
 * until 30/6/2025 (63 provinces → districts → communes; the 2021 data's codes); '2025' the two-level
 * map since 1/7/2025 (34 provinces → communes). A unit is identified by structure + code: the same
 * code names different places in the two maps.
 */
export const UNIT_STRUCTURES = ['pre2025', '2025'] as const;
export type UnitStructure = (typeof UNIT_STRUCTURES)[number];

export type LevelName = 'province' | 'district' | 'commune';

/** The levels of each structure, top down: a unit's depth is its index + 1. */
export const LEVELS: Record<UnitStructure, readonly LevelName[]> = {
  pre2025: ['province', 'district', 'commune'],
  '2025': ['province', 'commune'],
};

/** `PHONGDICH_UNIT_STRUCTURE`: '2025', or '2021' / 'pre2025' for the three-level map. */
export function parseUnitStructure(value: string | undefined): UnitStructure | undefined {
  const v = value?.trim().toLowerCase();
  if (!v) return undefined;
  if (v === '2025') return '2025';
  if (v === '2021' || v === 'pre2025') return 'pre2025';
  throw new Error(`PHONGDICH_UNIT_STRUCTURE must be 2025 or 2021 (pre2025), not "${value}"`);
}

export function isUnitStructure(v: unknown): v is UnitStructure {
  return v === 'pre2025' || v === '2025';
}

/** Level name of a depth (1 = province) in a structure, or undefined past its deepest level. */
export function levelAt(structure: UnitStructure, depth: number): LevelName | undefined {
  return LEVELS[structure][depth - 1];
}
