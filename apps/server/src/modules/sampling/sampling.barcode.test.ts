import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { luhnDigit, makeBarcode, normalizeBarcode } from './sampling.barcode';

describe('tube barcodes', () => {
  it('uses the Luhn check digit (known value 7992739871 → 3)', () => {
    assert.equal(luhnDigit('7992739871'), 3);
  });

  it('builds PD + province + 8-digit sequence + check digit', () => {
    const code = makeBarcode('01', 42);
    assert.match(code, /^PD0100000042\d$/);
    assert.equal(normalizeBarcode(code), code);
    assert.equal(normalizeBarcode(` ${code.toLowerCase()}\n`), code);
  });

  it('rejects a single mistyped digit and swapped neighbours', () => {
    const code = makeBarcode('79', 12345678);
    for (let i = 2; i < code.length; i++) {
      const wrong = code.slice(0, i) + ((Number(code[i]) + 1) % 10) + code.slice(i + 1);
      assert.equal(normalizeBarcode(wrong), null, wrong);
    }
    const swapped = code.slice(0, 5) + code[6] + code[5] + code.slice(7);
    if (swapped !== code) assert.equal(normalizeBarcode(swapped), null);
  });

  it('refuses out-of-range input', () => {
    assert.throws(() => makeBarcode('1', 1));
    assert.throws(() => makeBarcode('01', 0));
    assert.throws(() => makeBarcode('01', 100_000_000));
    assert.equal(normalizeBarcode('PD123'), null);
  });
});
