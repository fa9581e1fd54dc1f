import type { ConfirmationKind, TestType } from '@phongdich/domain';
import type { UnitStructure } from '../../core/units/structure';

/** What tracing needs of a case (modules/tracing builds contacts and chains on it). */
export interface CaseForTracing {
  id: string;
  personId: string;
  status: 'open' | 'closed';
  /** 'annulled': closed because its confirmations were corrected away (never a case). */
  closedReason: 'annulled' | null;
  /** YYYY-MM-DD, Asia/Ho_Chi_Minh: the earliest confirming sample. */
  sampleDate: string;
  symptomOnset: string | null;
  isolatedAt: Date | null;
  communeCode: string;
  unitStructure: UnitStructure;
  sourceCaseId: string | null;
}

/** One confirmation of a case: a released result, an officer's entry, an F1's positive rapid test. */
export interface CaseConfirmationInput {
  kind: ConfirmationKind;
  barcode?: string | null;
  labId?: string | null;
  testType?: TestType | null;
  /** YYYY-MM-DD (Asia/Ho_Chi_Minh) the confirming sample was taken. */
  sampleDate: string;
  /** Version of the confirmation rule that accepted it (packages/domain cases). */
  ruleVersion: string;
  note?: string | null;
}

export interface CaseRow {
  id: string;
  person_id: string;
  status: 'open' | 'closed';
  confirmed_at: Date;
  confirmation: Record<string, unknown>;
  sample_date: string;
  symptom_onset: string | null;
  classification: string | null;
  treatment_kind: 'home' | 'facility' | 'hospital';
  treatment_facility: string | null;
  isolated_at: Date | null;
  outcome: 'recovered' | 'died' | null;
  closed_at: Date | null;
  closed_reason: 'annulled' | null;
  source_case_id: string | null;
  cluster_id: string | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  opened_by_account_id: string | null;
  created_at: Date;
  updated_at: Date;
  version: number;
}
