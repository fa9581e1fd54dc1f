import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { validateCmnd } from './cmnd';
import { bhytSocialInsuranceNumber, normalizeBhyt, validateBhyt } from './bhyt';

const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe('CMND', () => {
  it('accepts 9 or 12 digits', () => {
    assert.deepEqual(validateCmnd('012345678'), []);
    assert.deepEqual(validateCmnd('012345678901'), []);
  });
  it('rejects other lengths and letters', () => {
    for (const v of ['01234567', '0123456789', '12345678a', ''])
      assert.deepEqual(codes(validateCmnd(v)), ['CMND_FORMAT']);
  });
});

describe('BHYT', () => {
  it('normalises case and spaces', () => {
    assert.equal(normalizeBhyt(' dn 4 79 7912345678 '), 'DN4797912345678');
    assert.deepEqual(validateBhyt('dn4797912345678'), []);
    assert.equal(bhytSocialInsuranceNumber('DN4797912345678'), '7912345678');
  });
  it('accepts the listed groups and levels 1–5', () => {
    for (const g of ['HS', 'SV', 'TE', 'HT', 'CA', 'QN'])
      assert.deepEqual(validateBhyt(`${g}3010123456789`), [], g);
    for (const l of [1, 2, 3, 4, 5]) assert.deepEqual(validateBhyt(`DN${l}790123456789`), []);
  });
  it('rejects the wrong shape', () => {
    assert.deepEqual(codes(validateBhyt('DN479791234567')), ['BHYT_FORMAT']);
    assert.deepEqual(codes(validateBhyt('D14797912345678')), ['BHYT_FORMAT']);
  });
  it('rejects an unknown group, level or province', () => {
    assert.deepEqual(codes(validateBhyt('ZZ4797912345678')), ['BHYT_GROUP']);
    assert.deepEqual(codes(validateBhyt('DN6797912345678')), ['BHYT_LEVEL']);
    assert.deepEqual(codes(validateBhyt('DN0797912345678')), ['BHYT_LEVEL']);
    assert.deepEqual(codes(validateBhyt('DN4037912345678')), ['BHYT_PROVINCE']);
    assert.deepEqual(codes(validateBhyt('ZZ9037912345678')), ['BHYT_GROUP', 'BHYT_LEVEL', 'BHYT_PROVINCE']);
  });
});
