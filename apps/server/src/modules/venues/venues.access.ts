import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { authorize, canAt } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { actsForVenue } from './venues.policy';
import { findVenue } from './venues.repository';
import type { VenueRow } from './venues.types';
import { locationOfVenue } from './venues.view';

export { actsForVenue } from './venues.policy';

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
