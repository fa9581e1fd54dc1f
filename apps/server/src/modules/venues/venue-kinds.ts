import { VENUE_KINDS, type VenueKind } from '@phongdich/contracts/venues';

// The kinds are data shared with the web (the list query validates them): they live in the contracts.
export { VENUE_KIND_CODES, VENUE_KINDS, type VenueKind } from '@phongdich/contracts/venues';

/** Vehicles are identified by their plate number. */
export const VEHICLE_KINDS: readonly VenueKind[] = ['bus_coach', 'truck', 'ferry'];

export const isVenueKind = (k: string): k is VenueKind => Object.hasOwn(VENUE_KINDS, k);
