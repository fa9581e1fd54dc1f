import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { decodeText, type Sheet } from './read';

export interface ErrorSheet {
  bytes: Buffer;
  contentType: string;
  extension: 'xlsx' | 'csv';
}

export const ERROR_COLUMN_TITLE = 'Lỗi / Error';

function csvField(value: string, delimiter: string): string {
  return value.includes(delimiter) || /["\r\n]/.test(value) || value !== value.trim()
    ? `"${value.replace(/"/g, '""')}"`
    : value;
}

/**
 * The file as uploaded with one more column holding each flagged row's errors: an .xlsx keeps its
 * sheets, titles and formatting (the column is added to the first sheet); a CSV keeps its delimiter and
 * encoding (UTF-8 gets a BOM so Excel opens it as UTF-8). `errors` is keyed by the row number the reader
 * gave; `headerRow` is where the column's title goes. Rows without errors are kept as they were, so the
 * person fixes the flagged rows in place and uploads the file again.
 */
export async function errorSpreadsheet(
  bytes: Uint8Array,
  sheet: Pick<Sheet, 'format' | 'csv'>,
  headerRow: number,
  errors: ReadonlyMap<number, string>,
): Promise<ErrorSheet> {
  if (sheet.format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const col = ws.columnCount + 1;
    const head = ws.getRow(headerRow).getCell(col);
    head.value = ERROR_COLUMN_TITLE;
    head.font = { bold: true, color: { argb: 'FFB00020' } };
    for (const [row, text] of errors) {
      const cell = ws.getRow(row).getCell(col);
      cell.value = text;
      cell.font = { color: { argb: 'FFB00020' } };
    }
    ws.getColumn(col).width = 60;
    return {
      bytes: Buffer.from(await wb.xlsx.writeBuffer()),
      contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      extension: 'xlsx',
    };
  }
  const { delimiter, encoding } = sheet.csv ?? { delimiter: ',', encoding: 'utf-8' as const };
  const { text } = decodeText(bytes);
  const records = parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    info: true,
    skip_empty_lines: false,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  const width = Math.max(0, ...records.map((r) => r.record.length));
  const lines = records.map(({ record, info }) => {
    const extra = info.lines === headerRow ? ERROR_COLUMN_TITLE : (errors.get(info.lines) ?? '');
    const cells = extra ? [...record, ...Array<string>(width - record.length).fill(''), extra] : record;
    return cells.map((c) => csvField(c, delimiter)).join(delimiter);
  });
  const out = `${lines.join('\r\n')}\r\n`;
  const body =
    encoding === 'utf-8'
      ? Buffer.from(`\uFEFF${out}`, 'utf8')
      : Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(out, 'utf16le')]);
  return {
    bytes: body,
    contentType: `text/csv; charset=${encoding === 'utf-8' ? 'utf-8' : 'utf-16le'}`,
    extension: 'csv',
  };
}
