import { LRUCache } from 'lru-cache';
import { baseOf } from '../db/db';

/** What lru-cache accepts as keys and values: anything but null and undefined. */
export type CacheKey = string | number | object;
export type CacheValue = string | number | boolean | object;

export interface CacheOptions<K, V> {
  /** Entries kept at most; the least recently used go first. */
  max: number;
  /** How long an entry is served, from when it was set (reading it does not extend it); 0: no limit. */
  ttlMs: number;
  /** Told when an entry leaves (expired, evicted, deleted or replaced), e.g. to keep an index. */
  onRemove?: (value: V, key: K) => void;
  /** The clock, in milliseconds; tests pass their own so time to live is checked without sleeping. */
  now?: () => number;
}

/**
 * The one in-memory cache of the server: a size bound and a time to live, over lru-cache. What a
 * module remembers for a few seconds (venues, actors, revocation checks) goes through this, so every
 * cache evicts the same way and none grows without bound.
 */
export class TtlCache<K extends CacheKey, V extends CacheValue> {
  private readonly lru: LRUCache<K, V>;

  constructor(opts: CacheOptions<K, V>) {
    const onRemove = opts.onRemove;
    this.lru = new LRUCache<K, V>({
      max: opts.max,
      ttl: opts.ttlMs,
      // An expired entry is never served, even before the sweep would have removed it.
      ttlAutopurge: false,
      updateAgeOnGet: false,
      // An injected clock is read on every check (no 1 ms reading cache, which runs on a timer).
      ...(opts.now ? { perf: { now: opts.now }, ttlResolution: 0 } : {}),
      ...(onRemove ? { dispose: (value: V, key: K) => onRemove(value, key) } : {}),
    });
  }

  get(key: K): V | undefined {
    return this.lru.get(key);
  }

  set(key: K, value: V, ttlMs?: number): void {
    this.lru.set(key, value, ttlMs === undefined ? undefined : { ttl: ttlMs });
  }

  delete(key: K): void {
    this.lru.delete(key);
  }

  clear(): void {
    this.lru.clear();
  }

  get size(): number {
    return this.lru.size;
  }
}

/**
 * One cache per database, whichever wrapper of it is used (baseOf): what is remembered about one
 * database (tests open many in one process) is never served for another.
 */
export function cachePerDatabase<K extends CacheKey, V extends CacheValue>(
  opts: CacheOptions<K, V>,
): (db: object) => TtlCache<K, V> {
  const caches = new WeakMap<object, TtlCache<K, V>>();
  return (db) => {
    const base = baseOf(db);
    let cache = caches.get(base);
    if (!cache) caches.set(base, (cache = new TtlCache(opts)));
    return cache;
  };
}
