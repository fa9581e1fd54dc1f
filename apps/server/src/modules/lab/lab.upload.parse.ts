import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { AppError, fieldError } from '../../core/errors';
import {
  assertXlsxWithinLimits,
  csvRecordLimit,
  DEFAULT_SPREADSHEET_LIMITS,
  spreadsheetTooLarge,
} from '../../core/spreadsheet-limits';
import { type CtTarget, type CtValues, type LabResultValue, type ResultInput } from './lab.types';

export interface ColumnMapping {
  barcodeColumn: string;
  resultColumn: string;
  resultValues: Record<LabResultValue, string[]>;
  ctColumns?: Partial<Record<CtTarget, string>>;
  kitColumn?: string;
}

/** A sheet as text: the header and each non-empty data row with its row number in the file. */
export interface Sheet {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

const XLSX_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export function detectFormat(bytes: Uint8Array): 'csv' | 'xlsx' {
  return XLSX_MAGIC.every((b, i) => bytes[i] === b) ? 'xlsx' : 'csv';
}

/** UTF-8 only (lab machines export it; a Windows-1258 file would garble names and codes silently). */
export function decodeCsvText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('UPLOAD_ENCODING');
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function parseCsv(bytes: Uint8Array): Sheet {
  const text = decodeCsvText(bytes);
  const delimiter = detectDelimiter(text);
  let rows: { row: number; cells: string[] }[];
  try {
    // Without `info` csv-parse is ~5× faster; a record is then line i + 1 unless a quoted field spans
    // lines, in which case the file is parsed again with line numbers.
    // `to`: the parser stops past the row limit instead of building every record of a huge file.
    const to = csvRecordLimit();
    const records = parse(text, { delimiter, relax_column_count: true, to }) as string[][];
    if (records.length >= to) throw spreadsheetTooLarge(DEFAULT_SPREADSHEET_LIMITS, 'csv over the row limit');
    if (records.some((r) => r.some((c) => c.includes('\n')))) {
      const withInfo = parse(text, { delimiter, relax_column_count: true, info: true, to }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      rows = withInfo.map((r) => ({ row: r.info.lines, cells: r.record }));
    } else {
      rows = records.map((cells, i) => ({ row: i + 1, cells }));
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('UPLOAD_FORMAT', undefined, (e as Error).message);
  }
  const nonBlank = rows.filter((r) => !isBlank(r.cells));
  const [head, ...rest] = nonBlank;
  if (!head) throw new AppError('UPLOAD_EMPTY');
  return { header: head.cells.map((h) => h.trim()), rows: rest };
}

/** Semicolons are common in Vietnamese-locale Excel CSV exports (the comma is the decimal mark). */
function detectDelimiter(text: string): string {
  const firstLine = text.slice(0, text.indexOf('\n') >>> 0);
  return (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
}

export async function parseXlsx(bytes: Uint8Array): Promise<Sheet> {
  assertXlsxWithinLimits(bytes);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (e) {
    throw new AppError('UPLOAD_FORMAT', undefined, (e as Error).message);
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('UPLOAD_EMPTY');
  const width = ws.columnCount;
  const cellsOf = (r: ExcelJS.Row) => Array.from({ length: width }, (_, i) => r.getCell(i + 1).text ?? '');
  let header: string[] | undefined;
  const rows: Sheet['rows'] = [];
  ws.eachRow({ includeEmpty: false }, (r, rowNumber) => {
    const cells = cellsOf(r);
    if (isBlank(cells)) return;
    if (!header) header = cells.map((c) => c.trim());
    else rows.push({ row: rowNumber, cells });
  });
  if (!header) throw new AppError('UPLOAD_EMPTY');
  return { header, rows };
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

/** One row to a result input, or the reason it cannot be one. */
export function rowToInput(cells: string[], cols: Columns, m: ColumnMapping): RowParse {
  const barcode = (cells[cols.barcode] ?? '').trim();
  if (!barcode) return { ok: false, code: 'BARCODE_MISSING', vi: 'Thiếu mã ống mẫu', en: 'Barcode missing' };
  const raw = norm(cells[cols.result] ?? '');
  // A blank result cell is never a result, whatever the mapping says (a mapping value of spaces would
  // otherwise match it and save a result nobody read off the machine).
  if (!raw) return { ok: false, code: 'RESULT_MISSING', vi: 'Thiếu kết quả', en: 'Result missing' };
  const result = (['positive', 'negative', 'invalid'] as const).find((r) =>
    m.resultValues[r].some((v) => norm(v) === raw),
  );
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
