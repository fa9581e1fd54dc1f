import type { UnitStructure } from '../../core/units/structure';
/** A person as stored, with the commune's name joined in. */
export interface PersonRow {
  id: string;
  full_name: string;
  name_folded: string;
  birth_date: string | null;
  birth_year: number;
  sex: 'male' | 'female' | 'other';
  nationality: string;
  cccd: string | null;
  cmnd: string | null;
  passport: string | null;
  bhyt: string | null;
  phones: string[];
  commune_code: string;
  district_code: string | null;
  province_code: string;
  /** The map the codes above belong to. */
  unit_structure: UnitStructure;
  /** The pre2025 path ('/01/001/00001/') the address had before it was moved to the 2025 map. */
  moved_from_unit?: string | null;
  street: string | null;
  merged_into: string | null;
  version: number;
  created_at: Date;
  updated_at: Date;
  commune_name: string | null;
}

/** Validated, normalised person fields, ready to store. */
export interface PersonFields {
  fullName: string;
  nameFolded: string;
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female' | 'other';
  nationality: string;
  cccd: string | null;
  cmnd: string | null;
  passport: string | null;
  bhyt: string | null;
  phones: string[];
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
  street: string | null;
}

export interface FamilyLink {
  id: string;
  fullName: string;
  relation: string;
}

export interface Person {
  id: string;
  masked: boolean;
  canBreakGlass: boolean;
  fullName: string;
  birthDate: string | null;
  birthYear: number;
  sex: 'male' | 'female' | 'other';
  nationality: string;
  cccd: string | null;
  cmnd: string | null;
  passport: string | null;
  bhyt: string | null;
  phones: string[];
  communeCode: string;
  communeName: string | null;
  districtCode: string | null;
  provinceCode: string;
  street: string | null;
  family: FamilyLink[];
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export interface PersonSummary {
  id: string;
  fullName: string;
  birthYear: number;
  sex: 'male' | 'female' | 'other';
  communeCode: string;
  communeName: string | null;
  masked: boolean;
  idHint: string | null;
}

export type DuplicateReason = 'same_id' | 'same_name_birth_commune' | 'same_phone';
