/** API shapes of the check-in point endpoints: the server's schemas, from packages/contracts. */
export type { StaffMember, Venue, VenueKindOption, VenueStatus } from '@phongdich/contracts/venues';
