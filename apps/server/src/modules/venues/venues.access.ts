import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { authorize, canAt } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { findVenue, managesVenue } from './venues.repository';
import type { VenueRow } from './venues.types';
import { locationOfVenue } from './venues.view';

type VenuePlace = Pick<VenueRow, 'id' | 'parent_id' | 'commune_code' | 'district_code' | 'province_code'>;

/**
 * The one rule for "may this account act for this venue" (run it, scan and record check-ins there),
 * used by venues, check-ins and the scanner alike: its owner or staff (by account or signed-in
 * phone), the staff of its parent (a market's staff for its stalls), or a staff account whose
 * facility is the venue or its parent, and only while that venue lies in the account's own unit
 * (an account tied to a venue elsewhere acts nowhere).
 */
export async function actsForVenue(q: Queryable, actor: Actor, venue: VenuePlace): Promise<boolean> {
  if (actor.kind === 'anonymous') return false;
  if (
    actor.kind !== 'citizen' &&
    actor.facilityId &&
    [venue.id, venue.parent_id].includes(actor.facilityId)
  ) {
    return inJurisdiction(actor, locationOfVenue(venue));
  }
  return managesVenue(q, actor.accountId, venue.id);
}

/**
 * Loads a venue the actor may see: its owner or staff, or an officer whose area holds it. Others get
 * VENUE_NOT_FOUND rather than FORBIDDEN, so ids of other people's points reveal nothing.
 */
export async function venueForActor(
  q: Queryable,
  actor: Actor,
  id: string,
  opts: { forUpdate?: boolean } = {},
): Promise<{ venue: VenueRow; asOfficer: boolean; asManager: boolean }> {
  authorize(actor, 'venue.manage');
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  const venue = await findVenue(q, id, opts.forUpdate);
  if (!venue) throw new AppError('VENUE_NOT_FOUND');
  const asOfficer = canAt(actor, 'venue.read', locationOfVenue(venue));
  const asManager = await actsForVenue(q, actor, venue);
  if (!asOfficer && !asManager) throw new AppError('VENUE_NOT_FOUND');
  return { venue, asOfficer, asManager };
}

/** Owner/staff only (officers review, they do not run the point). */
export async function managedVenue(q: Queryable, actor: Actor, id: string): Promise<VenueRow> {
  const { venue, asManager } = await venueForActor(q, actor, id, { forUpdate: true });
  if (!asManager) throw new AppError('FORBIDDEN', undefined, 'not owner or staff of the venue');
  return venue;
}
