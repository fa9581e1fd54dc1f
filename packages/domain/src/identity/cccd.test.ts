import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { decodeCccd, validateCccd } from './cccd';
import { PROVINCE_CODES_PRE2025 } from './provinces';

const codes = (p: { code: string }[]) => p.map((x) => x.code);

describe('CCCD', () => {
  it('lists the 63 pre-2025 provinces', () => {
    assert.equal(Object.keys(PROVINCE_CODES_PRE2025.provinces).length, 63);
    assert.equal(PROVINCE_CODES_PRE2025.provinces['79'], 'Hồ Chí Minh');
  });
  it('decodes province, sex and birth year', () => {
    assert.deepEqual(decodeCccd('001090001234'), { provinceCode: '01', sex: 'male', birthYear: 1990 });
    assert.deepEqual(decodeCccd('079185001234'), { provinceCode: '79', sex: 'female', birthYear: 1985 });
    assert.deepEqual(decodeCccd('001205001234'), { provinceCode: '01', sex: 'male', birthYear: 2005 });
    assert.deepEqual(decodeCccd('096310001234'), { provinceCode: '96', sex: 'female', birthYear: 2010 });
    assert.equal(decodeCccd('003090001234'), null);
  });
  it('accepts a number that agrees with the declared data', () => {
    assert.deepEqual(validateCccd('001090001234', { birthYear: 1990, sex: 'male' }), []);
    assert.deepEqual(validateCccd('001 090 001 234'), []);
    assert.deepEqual(validateCccd('001090001234', { sex: 'other' }), []);
  });
  it('rejects a malformed number', () => {
    assert.deepEqual(codes(validateCccd('00109000123')), ['CCCD_FORMAT']);
    assert.deepEqual(codes(validateCccd('00109000123a')), ['CCCD_FORMAT']);
  });
  it('rejects an unknown province', () => {
    assert.deepEqual(codes(validateCccd('003090001234')), ['CCCD_PROVINCE']);
    assert.deepEqual(codes(validateCccd('101090001234')), ['CCCD_PROVINCE']);
  });
  it('detects century/sex and birth-year disagreement', () => {
    assert.deepEqual(codes(validateCccd('001090001234', { sex: 'female' })), ['CCCD_CENTURY_SEX']);
    assert.deepEqual(codes(validateCccd('001090001234', { birthYear: 1991 })), ['CCCD_BIRTH_YEAR']);
    // Digit 2 means the 2000s: a person declared born in 1990 cannot hold it.
    assert.deepEqual(codes(validateCccd('001290001234', { birthYear: 1990, sex: 'male' })), [
      'CCCD_BIRTH_YEAR',
    ]);
    assert.deepEqual(codes(validateCccd('001190001234', { birthYear: 1991, sex: 'male' })), [
      'CCCD_CENTURY_SEX',
      'CCCD_BIRTH_YEAR',
    ]);
  });
  it('rejects a birth year in the future', () => {
    assert.deepEqual(codes(validateCccd('001299001234', {}, new Date('2025-01-01'))), ['CCCD_BIRTH_YEAR']);
  });
});
