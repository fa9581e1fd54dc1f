export * from './errors';
export * from './roles';
export * from './actions';
// Venues' full shapes: @phongdich/contracts/venues.
export type { Venue, VenueStatus } from './venues';
export * from './events';
export * from './audit-actions';
export * from './field-errors';
export * from './queue-kinds';
