// What the vaccination import uses of the other modules, through their public surfaces only.
export { matchPeople, matchCandidates, insertPeopleBatch, type PersonFields } from '../people';
export { findUnit, locationOfCommune, mappedTo2025 } from '../geo';
