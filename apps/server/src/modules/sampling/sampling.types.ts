import type { UnitStructure } from '../../core/units/structure';
import { rowLocation } from '../../core/auth/jurisdiction';
import type { Notice, SampleType, SessionKind, TestType, TubeStatus } from '@phongdich/contracts/sampling';

export type { Notice, SampleType, SessionKind, TestType, TubeStatus };

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

export const locOf = rowLocation;
