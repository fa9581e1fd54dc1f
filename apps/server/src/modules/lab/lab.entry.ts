import { ERRORS, type ErrorCode } from '@phongdich/contracts';
import type { Queryable } from '../../core/db/db';
import { normalizeCt, sameResult } from './lab.common';
import {
  tubesWithResults,
  upsertResults,
  type ResultWrite,
  type StoredResult,
  type TubeRow,
} from './lab.repository';
import type { ResultInput } from './lab.types';

export type Checked = { ok: true; write: ResultWrite | null } | { ok: false; code: ErrorCode };

/** The rules for one result against its tube and any stored result; `write: null` = identical, a no-op. */
export function checkEntry(
  input: ResultInput,
  labId: string,
  tube: TubeRow | undefined,
  stored: StoredResult | undefined,
): Checked {
  if (!tube) return { ok: false, code: 'TUBE_UNKNOWN' };
  if (tube.lab_id !== labId || (tube.status !== 'received' && tube.status !== 'resulted'))
    return { ok: false, code: 'TUBE_NOT_RECEIVED' };
  if (input.ctValues && Object.keys(input.ctValues).length && tube.test_type !== 'rt_pcr')
    return { ok: false, code: 'VALIDATION_FAILED' };
  if (stored && sameResult(stored, input)) return { ok: true, write: null };
  if (stored?.status === 'released') return { ok: false, code: 'RESULT_ALREADY_RELEASED' };
  return {
    ok: true,
    write: {
      barcode: input.barcode,
      result: input.result,
      ct: normalizeCt(input.ctValues),
      kit: input.kit?.trim() || null,
    },
  };
}

export function errorMessage(code: ErrorCode): { vi: string; en: string } {
  return { vi: ERRORS[code].vi, en: ERRORS[code].en };
}

/**
 * Checks and writes a batch of results in the caller's transaction. Rows that fail a rule are
 * returned with their code and never written; the others are written in one statement.
 */
export async function enterBatch(
  tx: Queryable,
  labId: string,
  by: string,
  uploadId: string | null,
  inputs: ResultInput[],
): Promise<{ outcomes: (Checked & { index: number })[] }> {
  const barcodes = [...new Set(inputs.map((i) => i.barcode))];
  const { tubes, results: stored } = await tubesWithResults(tx, barcodes);
  const writes = new Map<string, ResultWrite>();
  const outcomes = inputs.map((input, index) => {
    const pending = writes.get(input.barcode);
    // A barcode twice in one batch: the first wins; a conflicting second one is an error.
    if (pending) {
      const same = sameResult({ result: pending.result, ct_values: pending.ct, kit: pending.kit }, input);
      return same
        ? { ok: true as const, write: null, index }
        : { ok: false as const, code: 'CONFLICT' as const, index };
    }
    const c = checkEntry(input, labId, tubes.get(input.barcode), stored.get(input.barcode));
    if (c.ok && c.write) writes.set(input.barcode, c.write);
    return { ...c, index };
  });
  await upsertResults(tx, labId, by, uploadId, [...writes.values()]);
  return { outcomes };
}
