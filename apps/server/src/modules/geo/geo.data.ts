import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { foldVietnamese } from '@phongdich/domain';

/** The repository's data/ folder (see data/SOURCES.md). */
export const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../../data');

const FILES = {
  pre2025: 'vn-admin-units-pre2025-2025-07-12.thanglequoc.json',
  post2025: 'vn-admin-units-post2025-2026-07-25.thanglequoc.json',
  mapping: 'vn-admin-2025-mapping-old-to-new.dvhcvn-20250701.json',
  population: 'vn-province-population-2019-census.csv',
};
/** Bump when the rows derived from the same files change (new column, other type names…). */
const DERIVATION_VERSION = '2';

export type Structure = 'pre2025' | '2025';

export interface UnitRow {
  structure: Structure;
  code: string;
  level: 1 | 2 | 3;
  parent_code: string | null;
  province_code: string;
  district_code: string | null;
  name: string;
  name_folded: string;
  full_name_folded: string;
  name_en: string;
  full_name: string;
  full_name_en: string;
  type: string;
  population: number | null;
  level_name: 'province' | 'district' | 'commune';
  /** The codes of the unit's ancestors and its own, top down: '/01/001/00001/' (pre2025), '/01/00004/' (2025). */
  path: string;
}

export interface MappingRow {
  old_code: string;
  old_level: 1 | 2 | 3;
  old_name: string;
  new_code: string;
  new_name: string;
  partial: boolean;
}

interface SourceUnit {
  Code: string;
  Name: string;
  NameEn: string;
  FullName: string;
  FullNameEn: string;
}
type PreProvince = SourceUnit & { District: (SourceUnit & { Ward?: SourceUnit[] })[] };
type PostProvince = SourceUnit & { Wards: SourceUnit[] };
interface Split {
  new_id: string;
  name: string;
}
interface OldUnit {
  name: string;
  splits: Split[];
}
interface MappingFile {
  data: (OldUnit & {
    level1_id: string;
    level2s?: (OldUnit & { level2_id: string })[];
    level3s: (OldUnit & { level3_id: string })[];
  })[];
}

let cachedVersion: string | undefined;

/** Content hash of the files loaded: a new file version reloads the tables (and the test template). */
export function adminUnitsDataVersion(): string {
  if (cachedVersion) return cachedVersion;
  const hash = createHash('sha256').update(DERIVATION_VERSION);
  for (const file of Object.values(FILES))
    hash.update(file).update(fs.readFileSync(path.join(DATA_DIR, file)));
  cachedVersion = hash.digest('hex').slice(0, 16);
  return cachedVersion;
}

function readJson<T>(file: string): T {
  return JSON.parse(fs.readFileSync(path.join(DATA_DIR, file), 'utf8')) as T;
}

// Longest first, so 'Thị trấn' is not taken for a shorter prefix.
const TYPE_PREFIXES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã'];

/**
 * The sources carry no explicit type: it is the prefix of the full name ("Quận Ba Đình" → "Quận").
 * Also restores the prefix's capital letter where the source lost it (one 2025 commune: "xã Bắc Sơn").
 */
export function typeFromFullName(fullName: string, level: number): { type: string; fullName: string } {
  const nfc = fullName.normalize('NFC');
  const prefix = TYPE_PREFIXES.find((p) => nfc.toLowerCase().startsWith(`${p.toLowerCase()} `));
  if (!prefix) throw new Error(`unknown administrative unit type in "${fullName}"`);
  const type = level === 1 && prefix === 'Thành phố' ? 'Thành phố Trung ương' : prefix;
  return { type, fullName: prefix + nfc.slice(prefix.length) };
}

function row(
  structure: Structure,
  u: SourceUnit,
  level: 1 | 2 | 3,
  parent: { parent: string | null; province: string; district: string | null },
): UnitRow {
  const { type, fullName } = typeFromFullName(u.FullName, level);
  return {
    structure,
    code: u.Code,
    level,
    parent_code: parent.parent,
    province_code: parent.province,
    district_code: parent.district,
    name: u.Name,
    name_folded: foldVietnamese(u.Name),
    full_name_folded: foldVietnamese(fullName),
    name_en: u.NameEn,
    full_name: fullName,
    full_name_en: u.FullNameEn,
    type,
    population: null,
    level_name: LEVEL_NAMES[level],
    path: unitPath(level, parent.province, parent.district, u.Code),
  };
}

const LEVEL_NAMES = { 1: 'province', 2: 'district', 3: 'commune' } as const;

function unitPath(level: 1 | 2 | 3, province: string, district: string | null, code: string): string {
  if (level === 1) return `/${code}/`;
  if (level === 2 || !district) return `/${province}/${code}/`;
  return `/${province}/${district}/${code}/`;
}

function readPopulation(): Map<string, number> {
  const lines = fs.readFileSync(path.join(DATA_DIR, FILES.population), 'utf8').trim().split(/\r?\n/).slice(1);
  const population = new Map<string, number>();
  for (const line of lines) {
    const [code, , , count] = line.split(',');
    if (!code || !count || !/^\d+$/.test(count)) throw new Error(`bad population line "${line}"`);
    population.set(code, Number(count));
  }
  return population;
}

function readUnits(): UnitRow[] {
  const population = readPopulation();
  const rows: UnitRow[] = [];
  for (const p of readJson<PreProvince[]>(FILES.pre2025)) {
    const province = { ...row('pre2025', p, 1, { parent: null, province: p.Code, district: null }) };
    province.population = population.get(p.Code) ?? null;
    rows.push(province);
    for (const d of p.District) {
      rows.push(row('pre2025', d, 2, { parent: p.Code, province: p.Code, district: d.Code }));
      // Island districts (e.g. Hoàng Sa, Bạch Long Vĩ) have no communes.
      for (const w of d.Ward ?? []) {
        rows.push(row('pre2025', w, 3, { parent: d.Code, province: p.Code, district: d.Code }));
      }
    }
  }
  for (const p of readJson<PostProvince[]>(FILES.post2025)) {
    rows.push(row('2025', p, 1, { parent: null, province: p.Code, district: null }));
    for (const w of p.Wards)
      rows.push(row('2025', w, 3, { parent: p.Code, province: p.Code, district: null }));
  }
  return rows;
}

function readMapping(): MappingRow[] {
  const rows = new Map<string, MappingRow>();
  const add = (code: string, level: 1 | 2 | 3, old: OldUnit) => {
    for (const s of old.splits) {
      const r = {
        old_code: code,
        old_level: level,
        old_name: old.name,
        new_code: s.new_id,
        new_name: s.name,
      };
      rows.set(`${code}>${s.new_id}`, { ...r, partial: old.splits.length > 1 });
    }
  };
  for (const p of readJson<MappingFile>(FILES.mapping).data) {
    add(p.level1_id, 1, p);
    for (const d of p.level2s ?? []) add(d.level2_id, 2, d);
    for (const c of p.level3s) add(c.level3_id, 3, c);
  }
  return [...rows.values()];
}

/** Every unit of both structures and the old → new mapping, as rows ready to insert. */
export function readAdminUnits(): { units: UnitRow[]; mapping: MappingRow[] } {
  return { units: readUnits(), mapping: readMapping() };
}
