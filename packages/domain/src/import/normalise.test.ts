import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COVID19_VN_CATALOGUE } from '../vaccination';
import { parseBirth, parseTypedDate } from './date';
import { parseIdNumber } from './id-number';
import { normaliseName } from './name';
import { normaliseTypedPhone } from './phone';
import { matchProduct } from './product';

describe('dates as typed', () => {
  const cases: [string, string | null, string | null, string?][] = [
    // input, date, time, or error code
    ['05/08/2021', '2021-08-05', null],
    ['5/8/2021', '2021-08-05', null],
    ['5-8-2021', '2021-08-05', null],
    ['05.08.2021', '2021-08-05', null],
    ['2021-08-05', '2021-08-05', null],
    ['2021/8/5', '2021-08-05', null],
    ['05/08/2021 14:30', '2021-08-05', '14:30'],
    ['05/08/2021 9h05', '2021-08-05', '09:05'],
    ['2021-08-05T07:15:00Z', '2021-08-05', '07:15:00'],
    ['44413', '2021-08-05', null],
    ['44413.5', '2021-08-05', '12:00'],
    ['5/8/21', null, null, 'DATE_AMBIGUOUS'],
    ['08/25/2021', null, null, 'DATE_AMBIGUOUS'],
    ['31/02/2021', null, null, 'DATE_INVALID'],
    ['32/13/2021', null, null, 'DATE_INVALID'],
    ['05/08/2021 25:00', null, null, 'DATE_INVALID'],
    ['tháng 8', null, null, 'DATE_FORMAT'],
    ['', null, null, 'DATE_FORMAT'],
    ['12', null, null, 'DATE_FORMAT'],
  ];
  for (const [input, date, time, code] of cases) {
    it(`"${input}"`, () => {
      const r = parseTypedDate(input);
      if (code) assert.deepEqual(r, { ok: false, code });
      else assert.deepEqual(r, { ok: true, date, time });
    });
  }
  it('a two-digit year is read only with a pivot the caller names', () => {
    assert.deepEqual(parseTypedDate('5/8/21', { twoDigitYearPivot: 26 }), {
      ok: true,
      date: '2021-08-05',
      time: null,
    });
    assert.deepEqual(parseTypedDate('5/8/65', { twoDigitYearPivot: 26 }), {
      ok: true,
      date: '1965-08-05',
      time: null,
    });
  });
  it('birth: a year alone, a date, never in the future', () => {
    const today = new Date('2026-12-01T00:00:00Z');
    assert.deepEqual(parseBirth('1965', today), { ok: true, date: null, year: 1965 });
    assert.deepEqual(parseBirth('3/4/65', today), { ok: true, date: '1965-04-03', year: 1965 });
    assert.deepEqual(parseBirth('3/4/05', today), { ok: true, date: '2005-04-03', year: 2005 });
    assert.deepEqual(parseBirth('2030', today), { ok: false, code: 'DATE_INVALID' });
    assert.deepEqual(parseBirth('01/01/2027', today), { ok: false, code: 'DATE_INVALID' });
  });
});

describe('names as typed', () => {
  const cases: [string, string, string][] = [
    ['NGUYỄN VĂN AN', 'Nguyễn Văn An', 'nguyen van an'],
    ['nguyen van an', 'Nguyen Van An', 'nguyen van an'],
    ['  trần   thị  bích ', 'Trần Thị Bích', 'tran thi bich'],
    ['ĐẶNG thị HỒNG', 'Đặng Thị Hồng', 'dang thi hong'],
    ['Nguyễn Văn An'.normalize('NFD'), 'Nguyễn Văn An', 'nguyen van an'],
  ];
  for (const [input, display, folded] of cases) {
    it(`"${input}"`, () => assert.deepEqual(normaliseName(input), { display, folded }));
  }
  it('blank is no name', () => assert.equal(normaliseName('   '), null));
});

describe('phone numbers in any national format', () => {
  const cases: [string, string | null][] = [
    ['0912345678', '+84912345678'],
    ['+84 912 345 678', '+84912345678'],
    ['84912345678', '+84912345678'],
    ['0912.345.678', '+84912345678'],
    ['912345678', '+84912345678'], // a number cell dropped the zero
    ['01662345678', '+84362345678'], // Viettel 0166 → 036
    ['0123 456 7890', '+84834567890'], // Vinaphone 0123 → 083
    ['+84 1662345678', '+84362345678'],
    ['0241234567', null], // a landline
    ['01012345678', null], // not a retired mobile prefix
    ['abc', null],
    ['', null],
  ];
  for (const [input, e164] of cases) it(`"${input}"`, () => assert.equal(normaliseTypedPhone(input), e164));
});

describe('identity numbers', () => {
  const cases: [string, ReturnType<typeof parseIdNumber>][] = [
    ['001089012345', { kind: 'cccd', value: '001089012345' }],
    ['001 089 012 345', { kind: 'cccd', value: '001089012345' }],
    ['1089012345', { kind: 'cccd', value: '001089012345' }], // a number cell lost both zeros
    ['1234567', null],
    ['01089012345', { kind: 'cccd', value: '001089012345' }], // a number cell lost the leading zero
    ['123456789', { kind: 'cmnd', value: '123456789' }],
    ['23456789', { kind: 'cmnd', value: '023456789' }],
    ['dn4010123456789', { kind: 'bhyt', value: 'DN4010123456789' }],
    ['C1234567', { kind: 'passport', value: 'C1234567' }],
    ['B 1234567', { kind: 'passport', value: 'B1234567' }],
    ['999089012345', null], // not a province code
    ['', null],
  ];
  for (const [input, want] of cases) it(`"${input}"`, () => assert.deepEqual(parseIdNumber(input), want));
});

describe('vaccine names as typed', () => {
  const cases: [string, string | null][] = [
    ['Astra', 'EU/1/21/1529'],
    ['AZ', 'EU/1/21/1529'],
    ['AstraZeneca', 'EU/1/21/1529'],
    ['astra zeneca', 'EU/1/21/1529'],
    ['Pfizer', 'EU/1/20/1528'],
    ['PFIZER-BIONTECH', 'EU/1/20/1528'],
    ['Vero cell', 'BBIBP-CorV'],
    ['Verocell', 'BBIBP-CorV'],
    ['Sino', 'BBIBP-CorV'],
    ['Sinopharm', 'BBIBP-CorV'],
    ['Moderna', 'EU/1/20/1507'],
    ['Spikevax', 'EU/1/20/1507'],
    ['sputnik v', 'Sputnik-V'],
    ['Abdala', 'Abdala'],
    ['Nuvaxovid', 'EU/1/21/1618'],
    ['Hayat', 'Hayat-Vax'],
    ['Janssen', 'EU/1/20/1525'],
    ['xyz', null],
    ['', null],
  ];
  for (const [input, mp] of cases) {
    it(`"${input}"`, () => assert.equal(matchProduct(COVID19_VN_CATALOGUE, input), mp));
  }
});
