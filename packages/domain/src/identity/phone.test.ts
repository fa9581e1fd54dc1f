import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeVnMobile, validateVnMobile } from './phone';

describe('normalizeVnMobile', () => {
  it('accepts the usual ways of writing a mobile number', () => {
    for (const input of [
      '0912345678',
      '+84912345678',
      '84912345678',
      '091 234 5678',
      '0912.345.678',
      '0912-345-678',
      '+84 (0) 912 345 678',
      ' +84 912 345 678 ',
    ]) {
      assert.equal(normalizeVnMobile(input), '+84912345678', input);
    }
  });
  it('accepts every mobile prefix 3, 5, 7, 8, 9', () => {
    for (const d of ['3', '5', '7', '8', '9'])
      assert.equal(normalizeVnMobile(`0${d}12345678`), `+84${d}12345678`);
  });
  it('rejects landlines, wrong lengths and foreign numbers', () => {
    for (const input of [
      '0241234567',
      '02412345678',
      '091234567',
      '09123456789',
      '+1912345678',
      '912345678',
      'abc',
      '',
    ]) {
      assert.equal(normalizeVnMobile(input), null, input);
    }
  });
  it('reports PHONE_FORMAT', () => {
    assert.deepEqual(validateVnMobile('0912345678'), []);
    assert.equal(validateVnMobile('12345')[0]?.code, 'PHONE_FORMAT');
  });
});
