export type LabResultValue = 'positive' | 'negative' | 'invalid';
export const CT_TARGETS = ['E', 'N', 'RdRp', 'ORF1ab'] as const;
export type CtTarget = (typeof CT_TARGETS)[number];
export type CtValues = Partial<Record<CtTarget, number>>;

export interface ResultInput {
  barcode: string;
  result: LabResultValue;
  ctValues?: CtValues;
  kit?: string;
}

/** What happened to one result: written, or identical to the stored one (a no-op). */
export type EntryOutcome = 'written' | 'unchanged';

export interface RowError {
  row: number;
  code: string;
  message: { vi: string; en: string };
}
