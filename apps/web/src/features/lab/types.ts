export type ResultValue = 'positive' | 'negative' | 'invalid';
export const CT_TARGETS = ['E', 'N', 'RdRp', 'ORF1ab'] as const;
export type CtTarget = (typeof CT_TARGETS)[number];

export interface ColumnMapping {
  barcodeColumn: string;
  resultColumn: string;
  resultValues: Record<ResultValue, string[]>;
  ctColumns?: Partial<Record<CtTarget, string>>;
  kitColumn?: string;
}

export interface UploadReport {
  id: string;
  status: 'processing' | 'done' | 'failed';
  format: string;
  rowsTotal: number;
  rowsDone: number;
  rowsFailed: number;
  errors: { row: number; code: string; message: { vi: string; en: string } }[];
  duplicate?: boolean;
}

export interface PendingResult {
  barcode: string;
  result: ResultValue;
  ctValues?: Partial<Record<CtTarget, number>>;
  kit?: string;
  enteredAt: string;
  testType: string;
  pooled: boolean;
  members: number;
}
