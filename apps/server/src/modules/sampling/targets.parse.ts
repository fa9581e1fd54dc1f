import { AppError, fieldError } from '../../core/errors';
import { detectHeader, readSpreadsheet } from '../../core/import';

/** The columns of a target list; only the first three are required. */
export type TargetColumn = 'fullName' | 'birth' | 'sex' | 'cccd' | 'phone' | 'address';
export interface TargetRow {
  /** The row number as a spreadsheet shows it (header = 1). */
  row: number;
  cells: Partial<Record<TargetColumn, string>>;
}

/** Header names accepted for each column (compared folded: any case, with or without accents). */
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

/** Rows one import takes. */
export const MAX_TARGET_FILE_ROWS = 20_000;
/**
 * Checked while the file is read, before it is parsed whole. The margin is for blank rows, which a
 * sheet may store but the import skips; the import then counts the rows that hold data.
 */
const LIMITS = { maxRows: MAX_TARGET_FILE_ROWS + 1_000, maxUncompressedBytes: 32 * 1024 * 1024 };

/** Reads a CSV (UTF-8 or UTF-16, `,` `;` or tab) or .xlsx list with core's import into rows keyed by column. */
export async function parseTargetFile(
  bytes: Uint8Array,
): Promise<{ rows: TargetRow[]; columns: TargetColumn[] }> {
  const sheet = await readSpreadsheet(bytes, LIMITS);
  // A title or the commune's heading above the table is skipped: the header names the most columns.
  const { at, columns: index } = detectHeader(sheet.rows, HEADERS);
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
  for (const line of sheet.rows.slice(at + 1)) {
    const cells: TargetRow['cells'] = {};
    for (const [col, i] of index) cells[col] = (line.cells[i] ?? '').trim();
    rows.push({ row: line.row, cells });
  }
  return { rows, columns: [...index.keys()] };
}
