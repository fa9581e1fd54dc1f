import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AppError } from './errors';
import { assertXlsxWithinLimits, DEFAULT_SPREADSHEET_LIMITS } from './spreadsheet-limits';
import { xlsxOfRows } from './spreadsheet-limits.fixtures';
import { readSpreadsheet } from './import';

const tooLarge = (e: unknown) =>
  e instanceof AppError && e.code === 'SPREADSHEET_TOO_LARGE' && e.status === 413;

describe('spreadsheet limits while inflating', () => {
  const bomb = xlsxOfRows(400_000);

  it('a small file that inflates to 400,000 rows is refused before it is parsed whole', async () => {
    assert.ok(bomb.length < 4 * 1024 * 1024, `${bomb.length} bytes compressed`);
    const heapBefore = process.memoryUsage().heapUsed;
    const started = performance.now();
    assert.throws(() => assertXlsxWithinLimits(bomb), tooLarge);
    await assert.rejects(readSpreadsheet(bomb), tooLarge);
    // ExcelJS alone takes many seconds and hundreds of MB on this file; the guard stops early.
    assert.ok(performance.now() - started < 5_000, `${Math.round(performance.now() - started)} ms`);
    assert.ok(process.memoryUsage().heapUsed - heapBefore < 200 * 1024 * 1024);
  });

  it('refuses on inflated size too, and lets a file within the limits through to the parser', async () => {
    assert.throws(
      () => assertXlsxWithinLimits(xlsxOfRows(1_000), { maxRows: 50_000, maxUncompressedBytes: 10_000 }),
      tooLarge,
    );
    const ok = xlsxOfRows(100);
    assertXlsxWithinLimits(ok);
    const sheet = await readSpreadsheet(ok);
    assert.equal(sheet.rows.length, 101, 'the header and 100 rows');
    assert.deepEqual(sheet.rows[0]!.cells, ['Mã ống', 'Kết quả']);
  });

  it('a CSV over the row limit is refused without building every record', async () => {
    const rows = DEFAULT_SPREADSHEET_LIMITS.maxRows + 5;
    const csv = `Mã ống,Kết quả\n${'T1,NEG\n'.repeat(rows)}`;
    await assert.rejects(readSpreadsheet(new TextEncoder().encode(csv)), tooLarge);
    const fine = await readSpreadsheet(new TextEncoder().encode(`Mã ống,Kết quả\n${'T1,NEG\n'.repeat(10)}`));
    assert.equal(fine.rows.length, 11, 'the header and 10 rows');
  });
});
