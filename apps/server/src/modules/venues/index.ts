// Public surface of the venues module: what other modules may use.
export { actsForVenue, mayRecordVisitsAt, type VenuePlace } from './venues.policy';
