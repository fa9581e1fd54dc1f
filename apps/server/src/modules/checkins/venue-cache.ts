import type { Queryable } from '../../core/db/db';
import type { Location } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';
import { TtlCache } from '../../core/cache/cache';
import { declarationsOfPerson } from '../declarations';
import { findVenue } from '../venues';
import { UUID_RE } from './checkins.rules';

/** A point as the venues module reads it (its public `findVenue`). */
export type VenueRow = NonNullable<Awaited<ReturnType<typeof findVenue>>>;
export type CachedVenue = VenueRow;

/**
 * Venues change rarely and every check-in needs one: found venues are kept for a few seconds, so a
 * suspension takes effect within TTL_MS. Unknown ids are not cached (a new point works at once).
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 50_000;

export const venueLocation = (v: VenueRow): Location => ({
  provinceCode: v.province_code,
  districtCode: v.district_code,
  communeCode: v.commune_code,
  structure: v.unit_structure,
});

export function venueCache(q: Queryable) {
  const cache = new TtlCache<string, VenueRow>({ max: MAX_ENTRIES, ttlMs: TTL_MS });

  // Reads under way, by id: when an entry expires, the check-ins arriving before its read returns (a
  // sync batch brings a thousand at once) share that one read instead of each sending its own, which
  // on the embedded database queued a thousand look-ups behind the group commit (issue #11).
  const reading = new Map<string, Promise<VenueRow | undefined>>();

  async function get(id: string): Promise<VenueRow | undefined> {
    if (!UUID_RE.test(id)) return undefined;
    const hit = cache.get(id);
    // Only an active venue is served from memory: one waiting for approval is read again, so the
    // commune's approval takes effect at once (suspension still within TTL_MS).
    if (hit?.status === 'active') return hit;
    let read = reading.get(id);
    if (!read) {
      read = findVenue(q, id)
        .then((venue) => {
          if (venue) cache.set(id, venue);
          return venue;
        })
        .finally(() => reading.delete(id));
      reading.set(id, read);
    }
    return read;
  }

  return {
    get,
    /** A venue that may receive check-ins: known and not suspended (staff check-ins also need it active). */
    async usable(id: string): Promise<VenueRow> {
      const venue = await get(id);
      if (!venue) throw new AppError('VENUE_UNKNOWN');
      if (venue.status === 'suspended') throw new AppError('VENUE_SUSPENDED');
      return venue;
    },
    /** Does this point require a declaration more recent than the one the person has? */
    async declarationRequired(venue: VenueRow, personId: string, now = new Date()): Promise<boolean> {
      const hours = venue.requires_declaration_hours;
      if (hours === null || hours === undefined) return false;
      // Any declaration since the point's horizon (the declarations module's public read; its person
      // index, newest first) answers it; a server's clock never dates one more than a day ahead.
      const since = new Date(now.getTime() - hours * 3_600_000);
      const recent = await declarationsOfPerson(q, personId, since, new Date(now.getTime() + 86_400_000));
      return recent.length === 0;
    },
  };
}
