import { Unzip, UnzipInflate } from 'fflate';
import { AppError, fieldError } from './errors';

export interface SpreadsheetLimits {
  /** Data rows (the header row not counted). */
  maxRows: number;
  /** Bytes of all the workbook's parts once inflated. */
  maxUncompressedBytes: number;
}

/** What one upload may hold: enough for any lab's day or a commune's list, too little to exhaust memory. */
export const DEFAULT_SPREADSHEET_LIMITS: SpreadsheetLimits = {
  maxRows: 50_000,
  maxUncompressedBytes: 64 * 1024 * 1024,
};

export function spreadsheetTooLarge(limits: SpreadsheetLimits, internal: string): AppError {
  return new AppError(
    'SPREADSHEET_TOO_LARGE',
    [
      fieldError(
        'file',
        'SPREADSHEET_TOO_LARGE',
        `Tệp có tối đa ${limits.maxRows.toLocaleString('vi-VN')} dòng và ${Math.round(limits.maxUncompressedBytes / 1048576)} MB khi giải nén; hãy chia nhỏ tệp.`,
        `A file holds at most ${limits.maxRows.toLocaleString('en')} rows and ${Math.round(limits.maxUncompressedBytes / 1048576)} MB uncompressed; split the file.`,
      ),
    ],
    internal,
  );
}

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** A row element, with or without a namespace prefix (`<row r="1">`, `<x:row>`). */
const ROW_TAG = /<(?:[A-Za-z_][\w.-]*:)?row[\s>/]/g;
const CARRY = 32;

/**
 * Checks an .xlsx (a zip) against the limits while inflating it in chunks, before any parser builds
 * the workbook in memory: a 2.6 MB file that inflates to 400,000 rows is refused after reading just
 * past the limit, and nothing but one chunk is held at a time. Throws SPREADSHEET_TOO_LARGE (413).
 */
export function assertXlsxWithinLimits(bytes: Uint8Array, limits = DEFAULT_SPREADSHEET_LIMITS): void {
  let inflated = 0;
  let rows = 0;
  let exceeded: string | null = null;
  const unzip = new Unzip((file) => {
    const isSheet = SHEET_PART.test(file.name);
    let carry = '';
    file.ondata = (err, chunk) => {
      if (err || exceeded) return;
      inflated += chunk.length;
      if (inflated > limits.maxUncompressedBytes) {
        exceeded = 'uncompressed size';
        file.terminate();
        return;
      }
      if (!isSheet) return;
      // latin1 keeps one character per byte, so the tag search never splits a UTF-8 sequence wrongly.
      const text = carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length).toString('latin1');
      for (const m of text.matchAll(ROW_TAG)) if (m.index + m[0].length > carry.length) rows++;
      carry = text.slice(-CARRY);
      // The header is a row too.
      if (rows > limits.maxRows + 1) {
        exceeded = 'rows';
        file.terminate();
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  // Small steps: deflate inflates up to ~1000×, so one step stays a few MB however hostile the file.
  const step = 16 * 1024;
  try {
    for (let at = 0; at < bytes.length && !exceeded; at += step) {
      const end = Math.min(at + step, bytes.length);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    // A damaged zip is the parser's to report (with its own format error).
    return;
  }
  if (exceeded) throw spreadsheetTooLarge(limits, `xlsx over the ${exceeded} limit`);
}

/** CSV parsers stop reading after this many records; more means the file is over the row limit. */
export function csvRecordLimit(limits = DEFAULT_SPREADSHEET_LIMITS): number {
  return limits.maxRows + 2;
}
