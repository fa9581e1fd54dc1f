import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { displayPlate, parsePlate } from './plate';

describe('Vietnamese plate numbers', () => {
  it('normalises the usual ways of writing a car plate', () => {
    for (const written of ['29B-123.45', '29b 12345', '29B12345', ' 29-B 123.45 ']) {
      assert.deepEqual(parsePlate(written), { normalized: '29B12345', display: '29B-123.45' });
    }
  });
  it('accepts old 4-digit plates, two-letter series and motorbike series', () => {
    assert.equal(parsePlate('30E-1234')?.display, '30E-1234');
    assert.equal(parsePlate('51LD-012.34')?.normalized, '51LD01234');
    assert.equal(parsePlate('29-B1 234.56')?.display, '29B1-234.56');
  });
  it('refuses what is not a plate', () => {
    for (const bad of ['', 'ABC', '2B-12345', '05A-12345', '29B-123', '29B-1234567', '29-ABC-12345']) {
      assert.equal(parsePlate(bad), null, bad);
    }
  });
  it('accepts waterway registrations only when asked (ferries)', () => {
    assert.equal(parsePlate('SG-1234'), null);
    assert.deepEqual(parsePlate('sg 1234', { waterway: true }), { normalized: 'SG1234', display: 'SG-1234' });
    assert.equal(displayPlate('SG1234'), 'SG-1234');
    assert.equal(displayPlate('29B12345'), '29B-123.45');
  });
});
