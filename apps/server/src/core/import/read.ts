import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import {
  assertXlsxWithinLimits,
  csvRecordLimit,
  DEFAULT_SPREADSHEET_LIMITS,
  spreadsheetTooLarge,
  type SpreadsheetLimits,
} from '../spreadsheet-limits';
import { unreadable } from './read-errors';

export type SheetFormat = 'csv' | 'xlsx';
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be';

/** One row that holds something, with its number as the spreadsheet shows it (first line = 1). */
export interface SheetRow {
  row: number;
  cells: string[];
}

/** A file read to text: every non-blank row of its first sheet, and how it was written (for the error sheet). */
export interface Sheet {
  format: SheetFormat;
  rows: SheetRow[];
  csv?: { delimiter: string; encoding: TextEncoding };
}

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function detectFormat(bytes: Uint8Array): SheetFormat | 'xls' {
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  // The old binary workbook (OLE compound file): a format we do not read.
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) return 'xls';
  return 'csv';
}

/**
 * UTF-8 (strict: a file saved in a legacy code page such as Windows-1258 would garble names silently),
 * or UTF-16 with its byte-order mark, which is what Excel writes for "Unicode text".
 */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const utf16 =
    bytes[0] === 0xff && bytes[1] === 0xfe
      ? 'utf-16le'
      : bytes[0] === 0xfe && bytes[1] === 0xff
        ? 'utf-16be'
        : null;
  try {
    if (utf16)
      return { text: new TextDecoder(utf16, { fatal: true }).decode(bytes.subarray(2)), encoding: utf16 };
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, encoding: 'utf-8' };
  } catch {
    throw unreadable('ENCODING');
  }
}

/**
 * The delimiter that splits the first lines most consistently: `;` is usual in Vietnamese-locale Excel
 * exports (the comma is the decimal mark), tab in "Unicode text". Title lines above the header hold none,
 * so the count is over lines that have any; quoted text is skipped.
 */
export function detectDelimiter(text: string): string {
  const lines = text.replace(/"[^"]*"/g, '""').split(/\r?\n/, 30);
  let best = ',';
  let bestScore = -1;
  for (const d of [',', ';', '\t']) {
    const counts = lines.map((l) => l.split(d).length - 1).filter((n) => n > 0);
    if (!counts.length) continue;
    const top = Math.max(...counts);
    // Lines that share the widest split: a header and its data rows.
    const score = counts.filter((n) => n === top).length * top;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

function parseCsvText(text: string, delimiter: string, limits: SpreadsheetLimits): SheetRow[] {
  const to = csvRecordLimit(limits);
  try {
    // Without `info` csv-parse is ~5× faster; a record is then line i + 1 unless a quoted field spans
    // lines, in which case the file is parsed again with line numbers.
    const options = { delimiter, relax_column_count: true, relax_quotes: true, to };
    const records = parse(text, options) as string[][];
    if (records.length >= to) throw spreadsheetTooLarge(limits, 'csv over the row limit');
    let rows: SheetRow[];
    if (records.some((r) => r.some((c) => c.includes('\n')))) {
      const withInfo = parse(text, { ...options, info: true }) as unknown as {
        record: string[];
        info: { lines: number };
      }[];
      rows = withInfo.map((r) => ({ row: r.info.lines, cells: r.record }));
    } else {
      rows = records.map((cells, i) => ({ row: i + 1, cells }));
    }
    return rows.filter((r) => !isBlank(r.cells));
  } catch (e) {
    if (e instanceof Error && 'code' in e && e.code === 'SPREADSHEET_TOO_LARGE') throw e;
    throw unreadable('CSV_SYNTAX', (e as Error).message.slice(0, 200));
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell as the person sees it; a date cell as yyyy-mm-dd (with HH:MM when it holds a time). */
export function cellText(cell: ExcelJS.Cell): string {
  let v: unknown = cell.value;
  if (v && typeof v === 'object' && 'result' in v) v = (v as { result: unknown }).result;
  if (v instanceof Date) {
    const date = v.toISOString().slice(0, 10);
    const h = v.getUTCHours();
    const m = v.getUTCMinutes();
    return h || m ? `${date} ${pad(h)}:${pad(m)}` : date;
  }
  if (typeof v === 'number') return String(v);
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

/** The first worksheet, streamed row by row: the workbook is never held whole in memory. */
async function readXlsx(bytes: Uint8Array, limits: SpreadsheetLimits): Promise<SheetRow[]> {
  assertXlsxWithinLimits(bytes, limits);
  const rows: SheetRow[] = [];
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      worksheets: 'emit',
      entries: 'emit',
    });
    for await (const sheet of reader) {
      for await (const row of sheet) {
        const cells: string[] = [];
        for (let c = 1; c <= row.cellCount; c++) cells.push(cellText(row.getCell(c)));
        if (!isBlank(cells)) rows.push({ row: row.number, cells });
      }
      break; // the first sheet is the list; others are notes, lookups, pivot tables
    }
  } catch (e) {
    throw unreadable('EXCEL_UNREADABLE', (e as Error).message.slice(0, 200));
  }
  return rows;
}

/**
 * Reads a CSV (UTF-8 with or without BOM, UTF-16 with BOM; `,` `;` or tab) or an .xlsx file to rows of
 * text, bounds checked before anything is inflated or parsed whole. Throws IMPORT_FILE_INVALID (see
 * read-errors.ts) or SPREADSHEET_TOO_LARGE.
 */
export async function readSpreadsheet(
  bytes: Uint8Array,
  limits: SpreadsheetLimits = DEFAULT_SPREADSHEET_LIMITS,
): Promise<Sheet> {
  if (bytes.length === 0) throw unreadable('EMPTY_FILE');
  const format = detectFormat(bytes);
  if (format === 'xls') throw unreadable('XLS_UNSUPPORTED');
  if (format === 'xlsx') {
    const rows = await readXlsx(bytes, limits);
    if (!rows.length) throw unreadable('EMPTY_FILE');
    return { format, rows };
  }
  if (bytes.length > limits.maxUncompressedBytes)
    throw spreadsheetTooLarge(limits, 'csv over the size limit');
  const { text, encoding } = decodeText(bytes);
  const delimiter = detectDelimiter(text);
  const rows = parseCsvText(text, delimiter, limits);
  if (!rows.length) throw unreadable('EMPTY_FILE');
  return { format, rows, csv: { delimiter, encoding } };
}
