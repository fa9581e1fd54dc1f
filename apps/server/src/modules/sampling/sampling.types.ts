import type { UnitStructure } from '../../core/units/structure';
import { rowLocation } from '../../core/auth/jurisdiction';
export type TestType = 'rt_pcr' | 'rapid_antigen';
export type SessionKind = 'mass' | 'routine' | 'targeted';
export type SampleType = 'nasopharyngeal' | 'oropharyngeal' | 'nasal' | 'saliva';
export type TubeStatus = 'printed' | 'used' | 'in_transit' | 'received' | 'resulted' | 'void';

export interface SessionRow {
  id: string;
  name: string;
  kind: SessionKind;
  test_type: TestType;
  session_date: string;
  pool_size: number;
  lab_id: string | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  status: 'open' | 'closed';
  created_at: Date;
}

export interface TubeRow {
  barcode: string;
  label_batch_id: string;
  session_id: string | null;
  test_type: TestType;
  pooled: boolean;
  status: TubeStatus;
  sealed_at: Date | null;
  sample_type: SampleType | null;
  collected_at: Date | null;
  commune_code: string | null;
  district_code: string | null;
  province_code: string | null;
  unit_structure: UnitStructure;
  lab_id: string | null;
}

/** A warning or error about one link, with its message in both languages. */
export interface Notice {
  code: string;
  message: { vi: string; en: string };
  barcode?: string;
}

export const locOf = rowLocation;
