import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db, Queryable } from '../../core/db/db';
import { createVenue, venueToken } from './checkins.fixtures';
import { venueCache } from './venue-cache';
import { venueTokenVerifier } from './venue-token';

/** The handle's statements, counted by the table they read. */
function counting(db: Db) {
  const reads = { venues: 0, revocations: 0 };
  const q: Queryable = {
    query: (sql, params) => {
      if (/from venues/i.test(sql)) reads.venues++;
      if (/from revocations/i.test(sql)) reads.revocations++;
      return db.query(sql, params);
    },
    exec: (sql) => db.exec(sql),
  };
  return { q, reads };
}

/**
 * Issue #11: a sync batch brings a thousand check-ins for a handful of points at once. When a cached
 * point (or its "not revoked" answer) is missing or expired, they must share one read, not each send
 * their own (on the embedded database those reads queued behind the group commit).
 */
for (const target of dbTargets()) {
  describe(`venue look-ups under a burst (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('a thousand concurrent look-ups of one uncached point read it once', async () => {
      const id = await createVenue(db);
      const { q, reads } = counting(db);
      const cache = venueCache(q);
      const found = await Promise.all(Array.from({ length: 1000 }, () => cache.usable(id)));
      assert.ok(found.every((v) => v.id === id));
      assert.equal(reads.venues, 1);
    });

    it('a thousand concurrent scans of one poster ask about its revocation once', async () => {
      const token = await venueToken(db, await createVenue(db));
      const { q, reads } = counting(db);
      const verify = venueTokenVerifier(q);
      await verify(token); // the signature verdict is remembered; revocation is asked again after 2 s
      const before = reads.revocations;
      await new Promise((r) => setTimeout(r, 2_100));
      await Promise.all(Array.from({ length: 1000 }, () => verify(token)));
      assert.equal(reads.revocations - before, 1);
    });
  });
}
