// The lab's API shapes come from the server's schemas (packages/contracts), never copied here.
export type { ColumnMapping, PendingResult, ResultValue } from '@phongdich/contracts/lab';

export const CT_TARGETS = ['E', 'N', 'RdRp', 'ORF1ab'] as const;
export type CtTarget = (typeof CT_TARGETS)[number];
