import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { AppError } from '../errors';
import {
  detectHeader,
  errorSpreadsheet,
  ERROR_COLUMN_TITLE,
  readFailureOf,
  readSpreadsheet,
  withSavedMap,
} from '.';

const utf8 = (s: string) => new TextEncoder().encode(s);
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
const cellsOf = async (bytes: Uint8Array) => (await readSpreadsheet(bytes)).rows.map((r) => [r.row, r.cells]);

const ALIASES = {
  fullName: ['họ và tên', 'họ tên'],
  birth: ['ngày sinh', 'năm sinh'],
  product: ['tên vắc xin', 'vắc xin'],
};

async function xlsx(rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Danh sách');
  for (const r of rows) ws.addRow(r);
  wb.addWorksheet('Ghi chú').addRow(['not the list']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('core spreadsheet import: reading', () => {
  it('reads comma, semicolon and tab CSV, with or without BOM, skipping blank lines but keeping row numbers', async () => {
    const want = [
      [1, ['Họ tên', 'Ngày sinh']],
      [3, ['Nguyễn Văn An', '05/08/1990']],
    ];
    assert.deepEqual(await cellsOf(utf8('Họ tên,Ngày sinh\r\n\r\nNguyễn Văn An,05/08/1990\r\n')), want);
    assert.deepEqual(await cellsOf(utf8('\uFEFFHọ tên;Ngày sinh\n\nNguyễn Văn An;05/08/1990\n')), want);
    assert.deepEqual(await cellsOf(utf8('Họ tên\tNgày sinh\n\nNguyễn Văn An\t05/08/1990\n')), want);
  });

  it('a semicolon file whose cells hold commas is split on the semicolons', async () => {
    const rows = await cellsOf(utf8('Họ tên;Địa chỉ;Ghi chú\nAn;"Số 1, ngõ 2";a, b, c\nBình;Thôn 3;x\n'));
    assert.deepEqual(rows[1], [2, ['An', 'Số 1, ngõ 2', 'a, b, c']]);
  });

  it('reads UTF-16 "Unicode text" as Excel saves it (tab separated, with BOM)', async () => {
    const rows = await cellsOf(utf16le('Họ tên\tNgày sinh\r\nĐặng Thị Hồng\t1965\r\n'));
    assert.deepEqual(rows, [
      [1, ['Họ tên', 'Ngày sinh']],
      [2, ['Đặng Thị Hồng', '1965']],
    ]);
  });

  it('refuses a legacy code page, an old .xls and an empty file with stable codes', async () => {
    const failure = async (bytes: Uint8Array) => {
      try {
        await readSpreadsheet(bytes);
      } catch (e) {
        assert.ok(e instanceof AppError && e.status === 400);
        return readFailureOf(e);
      }
      return 'read';
    };
    assert.equal(await failure(Buffer.from([0x4d, 0xe3, 0x20, 0xf4, 0x2c, 0x41, 0x0a])), 'ENCODING');
    assert.equal(
      await failure(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])),
      'XLS_UNSUPPORTED',
    );
    assert.equal(await failure(new Uint8Array()), 'EMPTY_FILE');
    assert.equal(await failure(utf8('\r\n \r\n')), 'EMPTY_FILE');
    assert.equal(await failure(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])), 'EXCEL_UNREADABLE');
  });

  it('streams the first sheet of an .xlsx: text, numbers, date cells and formulas as a person sees them', async () => {
    const bytes = await xlsx([
      ['Danh sách tiêm chủng xã A'],
      [],
      ['Họ và tên', 'Ngày tiêm', 'Giờ', 'Số mũi'],
      ['Lê Văn Bình', new Date(Date.UTC(2021, 7, 5)), new Date(Date.UTC(2021, 7, 5, 14, 30)), 2],
      ['Trần C', '05/08/2021', '', { formula: '1+1', result: 2 }],
    ]);
    assert.deepEqual(await cellsOf(bytes), [
      [1, ['Danh sách tiêm chủng xã A']],
      [3, ['Họ và tên', 'Ngày tiêm', 'Giờ', 'Số mũi']],
      [4, ['Lê Văn Bình', '2021-08-05', '2021-08-05 14:30', '2']],
      [5, ['Trần C', '05/08/2021', '', '2']],
    ]);
  });
});

describe('core spreadsheet import: header detection and saved maps', () => {
  it('picks the row naming the most known columns below title rows', async () => {
    const sheet = await readSpreadsheet(
      utf8(
        'SỞ Y TẾ TỈNH X,,\nDanh sách người đã tiêm (họ tên),,\n,,\nSTT,Họ và tên,Năm sinh,Tên vắc xin\n1,An,1990,AZ\n',
      ),
    );
    const h = detectHeader(sheet.rows, ALIASES);
    assert.equal(sheet.rows[h.at]!.row, 4, 'the fourth line (the blank third one is not a row)');
    assert.deepEqual(
      [...h.columns],
      [
        ['fullName', 1],
        ['birth', 2],
        ['product', 3],
      ],
    );
  });

  it('with no row naming a column the first row is the header; a saved map names a layout once', async () => {
    const sheet = await readSpreadsheet(utf8('Tên người,Sinh,Loại\nAn,1990,AZ\n'));
    const none = detectHeader(sheet.rows, ALIASES);
    assert.equal(none.at, 0);
    assert.equal(none.columns.size, 0);
    const saved = withSavedMap(ALIASES, { fullName: 'Tên người', product: 'Loại' });
    const mapped = detectHeader(sheet.rows, saved);
    assert.deepEqual(
      [...mapped.columns],
      [
        ['fullName', 0],
        ['product', 2],
      ],
    );
  });
});

describe('core spreadsheet import: the error spreadsheet', () => {
  it('a CSV comes back with its delimiter, its rows and one error column', async () => {
    const bytes = utf8('Tiêu đề;;\nHọ tên;Ngày tiêm\nAn;05/08/2021\nBình;31/02/2021\n');
    const sheet = await readSpreadsheet(bytes);
    const out = await errorSpreadsheet(bytes, sheet, 2, new Map([[4, 'Ngày không có thật / No such date']]));
    assert.equal(out.extension, 'csv');
    const text = out.bytes.toString('utf8');
    assert.ok(text.startsWith('\uFEFF'));
    assert.deepEqual(text.slice(1).split('\r\n'), [
      'Tiêu đề;;',
      // after the widest row (the title's empty cells), so the column is one column all the way down
      `Họ tên;Ngày tiêm;;${ERROR_COLUMN_TITLE}`,
      'An;05/08/2021',
      'Bình;31/02/2021;;Ngày không có thật / No such date',
      '',
    ]);
    const again = await readSpreadsheet(out.bytes);
    assert.deepEqual(again.rows[3]!.cells, ['Bình', '31/02/2021', '', 'Ngày không có thật / No such date']);
  });

  it('a UTF-16 CSV comes back as UTF-16', async () => {
    const bytes = utf16le('Họ tên\tNgày tiêm\r\nĐặng\tx\r\n');
    const sheet = await readSpreadsheet(bytes);
    const out = await errorSpreadsheet(bytes, sheet, 1, new Map([[2, 'lỗi']]));
    assert.deepEqual([out.bytes[0], out.bytes[1]], [0xff, 0xfe]);
    assert.deepEqual((await readSpreadsheet(out.bytes)).rows[1]!.cells, ['Đặng', 'x', 'lỗi']);
  });

  it('an .xlsx comes back with its title rows, other sheets and an error column beside the table', async () => {
    const bytes = await xlsx([['Danh sách'], ['Họ và tên', 'Vắc xin'], ['An', 'AZ'], ['Bình', '???']]);
    const sheet = await readSpreadsheet(bytes);
    const out = await errorSpreadsheet(bytes, sheet, 2, new Map([[4, 'Không nhận ra vắc xin']]));
    assert.equal(out.extension, 'xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(out.bytes as unknown as ArrayBuffer);
    assert.deepEqual(
      wb.worksheets.map((w) => w.name),
      ['Danh sách', 'Ghi chú'],
    );
    const ws = wb.worksheets[0]!;
    assert.equal(ws.getCell('A1').text, 'Danh sách');
    assert.equal(ws.getCell('C2').text, ERROR_COLUMN_TITLE);
    assert.equal(ws.getCell('C3').text, '');
    assert.equal(ws.getCell('C4').text, 'Không nhận ra vắc xin');
  });
});
