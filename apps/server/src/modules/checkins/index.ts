/**
 * Public surface of the checkins module: the only file other modules (and app.ts) may import.
 * Check-ins: venue and staff check-ins, their group commit, holds and retention. Owns tables: checkins, checkin_ids, checkin_holds, checkins_held.
 */
export { checkinsRoutes } from './checkins.routes';
export { runCheckinRetention } from './retention';
export { vacuumClosedCheckinDays } from './checkins.vacuum';
export { repointCheckins } from './checkins.repository';
export { presencesOf, presentAt, type Presence } from './checkins.tracing.repository';
export { checkinsOfPerson } from './checkins.of-person';
