import type { ColumnMapping } from '@phongdich/contracts/lab';
import { AppError, fieldError } from '../../core/errors';
import {
  DEFAULT_SPREADSHEET_LIMITS,
  detectFormat as detectSheetFormat,
  detectHeader,
  readFailureOf,
  readSpreadsheet,
  type SheetFormat,
} from '../../core/import';
import { type CtTarget, type CtValues, type ResultInput } from './lab.types';

// A lab's saved column mapping is the API's shape (the PUT body and the GET answer).
export type { ColumnMapping };

/** A sheet as text: the header and each non-empty data row with its row number in the file. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

/** How the upload is recorded; an old .xls is refused by the reader. */
export function detectFormat(bytes: Uint8Array): SheetFormat {
  return detectSheetFormat(bytes) === 'xlsx' ? 'xlsx' : 'csv';
}

/**
 * A lab machine's export read by core's spreadsheet import. The header is the row naming the mapping's
 * barcode and result columns (a title above it is skipped), else the first row; the reader's failures
 * keep the lab's own codes (UPLOAD_EMPTY, UPLOAD_ENCODING, UPLOAD_FORMAT).
 */
export async function readLabSheet(bytes: Uint8Array, mapping?: ColumnMapping): Promise<Sheet> {
  let rows: { row: number; cells: string[] }[];
  try {
    rows = (await readSpreadsheet(bytes, DEFAULT_SPREADSHEET_LIMITS)).rows;
  } catch (e) {
    const failure = readFailureOf(e);
    if (!failure) throw e;
    if (failure === 'EMPTY_FILE') throw new AppError('UPLOAD_EMPTY');
    if (failure === 'ENCODING') throw new AppError('UPLOAD_ENCODING');
    throw new AppError('UPLOAD_FORMAT', undefined, failure);
  }
  const aliases = mapping
    ? { barcode: [mapping.barcodeColumn], result: [mapping.resultColumn] }
    : { barcode: [], result: [] };
  const { at, header } = detectHeader(rows, aliases);
  return { header, rows: rows.slice(at + 1) };
}

const norm = (s: string) => s.normalize('NFC').trim().toLowerCase();

/**
 * Column positions for the mapping. The barcode and result columns must be in the header; Ct and
 * kit columns are read when present (a rapid-test export has no Ct columns).
 */
export function resolveColumns(header: string[], m: ColumnMapping) {
  const index = new Map(header.map((h, i) => [norm(h), i]));
  const required: [string, string][] = [
    ['barcodeColumn', m.barcodeColumn],
    ['resultColumn', m.resultColumn],
  ];
  const missing = required.filter(([, col]) => !index.has(norm(col)));
  if (missing.length) {
    throw new AppError(
      'UPLOAD_COLUMNS_MISSING',
      missing.map(([field, col]) =>
        fieldError(
          field,
          'COLUMN_MISSING',
          `Không thấy cột "${col}" trong tệp`,
          `Column "${col}" not found in the file`,
        ),
      ),
    );
  }
  const at = (col: string) => index.get(norm(col));
  return {
    barcode: at(m.barcodeColumn)!,
    result: at(m.resultColumn)!,
    ct: Object.entries(m.ctColumns ?? {})
      .map(([k, v]) => [k, at(v!)] as [CtTarget, number | undefined])
      .filter((e): e is [CtTarget, number] => e[1] !== undefined),
    kit: m.kitColumn ? at(m.kitColumn) : undefined,
  };
}

export type Columns = ReturnType<typeof resolveColumns>;
export type RowParse = { ok: true; input: ResultInput } | { ok: false; code: string; vi: string; en: string };

type ResultValue = ResultInput['result'];
const valueIndexes = new WeakMap<ColumnMapping, Map<string, ResultValue>>();

/** The mapping's result values, normalised once per mapping (not once per row and value). */
function resultValuesOf(m: ColumnMapping): Map<string, ResultValue> {
  let index = valueIndexes.get(m);
  if (!index) {
    index = new Map();
    // The first category naming a value wins, as the search in this order did.
    for (const r of ['positive', 'negative', 'invalid'] as const)
      for (const v of m.resultValues[r]) if (!index.has(norm(v))) index.set(norm(v), r);
    valueIndexes.set(m, index);
  }
  return index;
}

/** One row to a result input, or the reason it cannot be one. */
export function rowToInput(cells: string[], cols: Columns, m: ColumnMapping): RowParse {
  const barcode = (cells[cols.barcode] ?? '').trim();
  if (!barcode) return { ok: false, code: 'BARCODE_MISSING', vi: 'Thiếu mã ống mẫu', en: 'Barcode missing' };
  const raw = norm(cells[cols.result] ?? '');
  // A blank result cell is never a result, whatever the mapping says (a mapping value of spaces would
  // otherwise match it and save a result nobody read off the machine).
  if (!raw) return { ok: false, code: 'RESULT_MISSING', vi: 'Thiếu kết quả', en: 'Result missing' };
  const result = resultValuesOf(m).get(raw);
  if (!result)
    return {
      ok: false,
      code: 'RESULT_VALUE_UNKNOWN',
      vi: 'Giá trị kết quả không nhận ra',
      en: 'Result value not recognised',
    };
  const ctValues: CtValues = {};
  for (const [target, i] of cols.ct) {
    const text = (cells[i] ?? '').trim().replace(',', '.');
    if (!text || /^(n\/?a|-|undetermined|không)$/i.test(text)) continue;
    const n = Number(text);
    if (!Number.isFinite(n) || n < 0 || n > 45)
      return {
        ok: false,
        code: 'CT_INVALID',
        vi: 'Giá trị Ct phải từ 0 đến 45',
        en: 'Ct value must be 0–45',
      };
    ctValues[target] = n;
  }
  const kit = cols.kit !== undefined ? (cells[cols.kit] ?? '').trim() : '';
  return {
    ok: true,
    input: { barcode, result, ...(Object.keys(ctValues).length && { ctValues }), ...(kit && { kit }) },
  };
}
