/**
 * Public surface of the venues module: the only file other modules (and app.ts) may import.
 * Venues: check-in points, their staff, review and posters. Owns tables: venues, venue_staff, venue_review_policies.
 */
export { venuesRoutes } from './venues.routes';
export { actsForVenue, mayRecordVisitsAt, type VenuePlace } from './venues.policy';
export { venueForActor } from './venues.access';
export { findVenue, venueNames } from './venues.repository';
export { venuesForTracing, type VenueForTracing } from './venues.tracing';
