import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DB_BASE } from '../db/db';
import { TtlCache, cachePerDatabase } from './cache';

// A clock the test moves: a loaded CI machine can sleep far longer than asked.
function clock() {
  let t = 1_000;
  return { now: () => t, pass: (ms: number) => void (t += ms) };
}

describe('the core cache', () => {
  it('serves an entry until its time to live, not after', () => {
    const time = clock();
    const c = new TtlCache<string, number>({ max: 10, ttlMs: 40, now: time.now });
    c.set('a', 1);
    time.pass(39);
    assert.equal(c.get('a'), 1);
    time.pass(2);
    assert.equal(c.get('a'), undefined);
  });

  it('reading does not extend the time to live; a per-entry one overrides it', () => {
    const time = clock();
    const c = new TtlCache<string, number>({ max: 10, ttlMs: 60, now: time.now });
    c.set('a', 1);
    c.set('b', 2, 1000);
    time.pass(35);
    assert.equal(c.get('a'), 1);
    time.pass(35);
    assert.equal(c.get('a'), undefined, 'expired 60 ms after it was set, although read at 35');
    assert.equal(c.get('b'), 2);
  });

  it('keeps at most `max` entries, dropping the least recently used', () => {
    const c = new TtlCache<string, number>({ max: 2, ttlMs: 0 });
    c.set('a', 1);
    c.set('b', 2);
    c.get('a');
    c.set('c', 3);
    assert.equal(c.size, 2);
    assert.equal(c.get('b'), undefined);
    assert.equal(c.get('a'), 1);
    assert.equal(c.get('c'), 3);
  });

  it('tells when an entry leaves, however it leaves', () => {
    const gone: string[] = [];
    const c = new TtlCache<string, number>({ max: 1, ttlMs: 0, onRemove: (_v, k) => gone.push(k) });
    c.set('a', 1);
    c.set('b', 2); // evicts a
    c.delete('b');
    c.set('c', 3);
    c.clear();
    assert.deepEqual(gone, ['a', 'b', 'c']);
  });

  it('one cache per database, shared by the wrappers of one', () => {
    const of = cachePerDatabase<string, number>({ max: 10, ttlMs: 0 });
    const base = {};
    const wrapper = { [DB_BASE]: base };
    const other = {};
    of(base).set('k', 1);
    assert.equal(of(wrapper).get('k'), 1);
    assert.equal(of(other).get('k'), undefined);
  });
});
