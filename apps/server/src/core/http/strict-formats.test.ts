import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isStrictDate, isStrictDateTime } from './strict-formats';

describe('strict date formats', () => {
  it('accepts real days and refuses impossible ones and year 0000', () => {
    for (const d of ['2021-02-28', '2024-02-29', '1900-01-01', '9999-12-31']) assert.ok(isStrictDate(d), d);
    for (const d of [
      '2021-02-30',
      '2023-02-29',
      '2021-04-31',
      '2021-13-01',
      '2021-00-10',
      '0000-01-01',
      '2021-1-1',
    ])
      assert.ok(!isStrictDate(d), d);
  });

  it('accepts RFC 3339 instants and refuses impossible days, times, offsets and years', () => {
    for (const d of ['2021-07-01T10:00:00Z', '2021-07-01T10:00:00.123+07:00', '2024-02-29T23:59:59-05:30'])
      assert.ok(isStrictDateTime(d), d);
    for (const d of [
      '2021-02-30T10:00:00Z',
      '0000-01-01T00:00:00Z',
      '2021-07-01T24:00:00Z',
      '2021-07-01T10:60:00Z',
      '2021-07-01T10:00:00+24:00',
      '1000-01-01T00:00:00+01:00',
      '2021-07-01',
      '2021-07-01T10:00:00',
    ])
      assert.ok(!isStrictDateTime(d), d);
  });
});
