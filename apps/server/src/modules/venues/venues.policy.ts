// Who may act for a venue: the one place this is decided (venues, check-ins and the scanner ask here).
import type { Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { canAt } from '../../core/auth/policy';
import { managesVenue } from './venues.repository';
import type { VenueRow } from './venues.types';
import { locationOfVenue } from './venues.view';

export type VenuePlace = Pick<
  VenueRow,
  'id' | 'parent_id' | 'commune_code' | 'district_code' | 'province_code' | 'unit_structure'
>;

/**
 * May this account act for this venue (run it, scan and record check-ins there): its owner or staff
 * (by account or signed-in phone), the owner or staff of its parent (a market's staff for its stalls),
 * or a staff account whose facility is the venue or its parent, and only while that venue lies in the
 * account's own unit (an account tied to a venue elsewhere acts nowhere).
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
 * May this account record (or check out) visits at this venue: whoever acts for it, or an officer whose
 * area holds it. The same answer for a stall as for the market it belongs to.
 */
export async function mayRecordVisitsAt(q: Queryable, actor: Actor, venue: VenuePlace): Promise<boolean> {
  if (actor.kind === 'anonymous') return false;
  if (actor.kind !== 'citizen' && canAt(actor, 'checkin.record', locationOfVenue(venue))) return true;
  return actsForVenue(q, actor, venue);
}
