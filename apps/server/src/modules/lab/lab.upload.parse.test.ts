import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { resolveColumns, rowToInput, type ColumnMapping } from './lab.upload.parse';

describe('upload rows: a blank result is never read as a result', () => {
  // A mapping saved through the API could hold a value of spaces; it must not match blank cells.
  const mapping: ColumnMapping = {
    barcodeColumn: 'Barcode',
    resultColumn: 'Result',
    resultValues: { positive: ['POS'], negative: ['NEG', '  '], invalid: [] },
  };
  const cols = resolveColumns(['Barcode', 'Result'], mapping);

  it('a row with an empty result cell is a row error, not a negative', () => {
    for (const cell of ['', '   ', '\t'])
      assert.deepEqual(rowToInput(['T1', cell], cols, mapping), {
        ok: false,
        code: 'RESULT_MISSING',
        vi: 'Thiếu kết quả',
        en: 'Result missing',
      });
    assert.equal(rowToInput(['T1'], cols, mapping).ok, false, 'a missing cell too');
  });

  it('a mapped value still reads', () => {
    assert.deepEqual(rowToInput(['T1', ' neg '], cols, mapping), {
      ok: true,
      input: { barcode: 'T1', result: 'negative' },
    });
  });
});
