import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { foldVietnamese } from '@phongdich/domain';
import { AppError, fieldError } from '../../core/errors';
import type { FieldErrorCode } from '@phongdich/contracts';
import { assertXlsxWithinLimits, spreadsheetTooLarge } from '../../core/spreadsheet-limits';

/** The columns of a target list; only the first three are required. */
export type TargetColumn = 'fullName' | 'birth' | 'sex' | 'cccd' | 'phone' | 'address';
export interface TargetRow {
  /** The row number as a spreadsheet shows it (header = 1). */
  row: number;
  cells: Partial<Record<TargetColumn, string>>;
}

/** Header names accepted for each column, folded (no accents, lower case). */
const HEADERS: Record<TargetColumn, string[]> = {
  fullName: ['ho ten', 'ho va ten', 'ten', 'full name', 'name'],
  birth: [
    'ngay sinh',
    'nam sinh',
    'ngay/nam sinh',
    'ngay thang nam sinh',
    'birth date',
    'birth year',
    'date of birth',
    'dob',
  ],
  sex: ['gioi tinh', 'gioi', 'sex', 'gender'],
  cccd: ['cccd', 'so cccd', 'can cuoc', 'can cuoc cong dan', 'cccd/cmnd', 'so giay to', 'id number'],
  phone: ['sdt', 'so dien thoai', 'dien thoai', 'so dt', 'phone', 'mobile'],
  address: ['dia chi', 'dia chi cu tru', 'noi o', 'address'],
};
const REQUIRED: TargetColumn[] = ['fullName', 'birth', 'sex'];
const LABELS: Record<TargetColumn, string> = {
  fullName: 'họ tên',
  birth: 'ngày sinh/năm sinh',
  sex: 'giới tính',
  cccd: 'CCCD',
  phone: 'SĐT',
  address: 'địa chỉ',
};

const invalid = (code: FieldErrorCode, vi: string, en: string) =>
  new AppError('IMPORT_FILE_INVALID', [fieldError('file', code, vi, en)]);

function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  try {
    // Strict: a file saved in a legacy code page (e.g. Windows-1258) must not be misread silently.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw invalid(
      'ENCODING',
      'Tệp không phải mã UTF-8: hãy lưu lại dạng "CSV UTF-8".',
      'The file is not UTF-8: save it again as "CSV UTF-8".',
    );
  }
}

function csvGrid(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, {
      bom: true,
      delimiter: [',', ';', '\t'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // Stop past the limit instead of building every record of a huge file.
      to: LIMITS.maxRows + 2,
    }) as string[][];
  } catch (err) {
    throw invalid(
      'CSV_SYNTAX',
      'Tệp CSV sai cú pháp.',
      `Malformed CSV: ${(err as Error).message.slice(0, 100)}`,
    );
  }
  if (records.length >= LIMITS.maxRows + 2) throw spreadsheetTooLarge(LIMITS, 'csv over the row limit');
  return records;
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'result' in v && v.result instanceof Date)
    return v.result.toISOString().slice(0, 10);
  return cell.text ?? '';
}

/** Rows one import takes. */
export const MAX_TARGET_FILE_ROWS = 20_000;
/**
 * Checked while the file is read, before it is parsed whole. The margin is for blank rows, which a
 * sheet may store but the import skips; the import then counts the rows that hold data.
 */
const LIMITS = { maxRows: MAX_TARGET_FILE_ROWS + 1_000, maxUncompressedBytes: 32 * 1024 * 1024 };

async function excelGrid(bytes: Uint8Array): Promise<string[][]> {
  assertXlsxWithinLimits(bytes, LIMITS);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw invalid(
      'EXCEL_UNREADABLE',
      'Không đọc được tệp Excel (.xlsx).',
      'The Excel (.xlsx) file cannot be read.',
    );
  }
  const sheet = wb.worksheets[0];
  if (!sheet) return [];
  const grid: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
    grid[n - 1] = cells;
  });
  return Array.from(grid, (r) => r ?? []);
}

/** Reads a CSV (UTF-8 with or without BOM, `,` `;` or tab) or .xlsx list into rows keyed by column. */
export async function parseTargetFile(
  bytes: Uint8Array,
): Promise<{ rows: TargetRow[]; columns: TargetColumn[] }> {
  if (bytes.length === 0) throw invalid('EMPTY_FILE', 'Tệp rỗng.', 'The file is empty.');
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf) {
    throw invalid(
      'XLS_UNSUPPORTED',
      'Định dạng .xls cũ không hỗ trợ: hãy lưu lại dạng .xlsx hoặc CSV UTF-8.',
      'Old .xls files are not supported: save as .xlsx or CSV UTF-8.',
    );
  }
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  const grid = isZip ? await excelGrid(bytes) : csvGrid(bytes);
  const headerAt = grid.findIndex((r) => r.some((c) => c.trim() !== ''));
  if (headerAt < 0) throw invalid('EMPTY_FILE', 'Tệp không có dữ liệu.', 'The file holds no data.');
  const index = new Map<TargetColumn, number>();
  grid[headerAt]!.forEach((h, i) => {
    const folded = foldVietnamese(h.replace(/^\uFEFF/, '')).trim();
    const col = (Object.keys(HEADERS) as TargetColumn[]).find((k) => HEADERS[k].includes(folded));
    if (col && !index.has(col)) index.set(col, i);
  });
  const missing = REQUIRED.filter((c) => !index.has(c));
  if (missing.length) {
    throw new AppError(
      'IMPORT_FILE_INVALID',
      missing.map((c) =>
        fieldError(c, 'COLUMN_MISSING', `Thiếu cột "${LABELS[c]}".`, `Column "${LABELS[c]}" is missing.`),
      ),
    );
  }
  const rows: TargetRow[] = [];
  for (let r = headerAt + 1; r < grid.length; r++) {
    const line = grid[r]!;
    if (line.every((c) => c.trim() === '')) continue; // empty rows are skipped, not errors
    const cells: TargetRow['cells'] = {};
    for (const [col, i] of index) cells[col] = (line[i] ?? '').trim();
    rows.push({ row: r + 1, cells });
  }
  return { rows, columns: [...index.keys()] };
}
