import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scannerCountKey } from './scanner-day';

describe('scanner daily counter key', () => {
  it('is keyed on the day in Vietnam (UTC+7), whatever the device zone', () => {
    // 18:30 UTC on 1 Dec is 01:30 on 2 Dec in Vietnam: a new day there.
    assert.equal(scannerCountKey(new Date('2026-12-01T18:30:00Z')), 'phongdich.scanner.count.2026-12-02');
    // 16:59 UTC is 23:59 in Vietnam: still the same day.
    assert.equal(scannerCountKey(new Date('2026-12-01T16:59:00Z')), 'phongdich.scanner.count.2026-12-01');
    assert.equal(scannerCountKey(new Date('2026-12-01T17:00:00Z')), 'phongdich.scanner.count.2026-12-02');
  });
});
