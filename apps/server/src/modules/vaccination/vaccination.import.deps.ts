// What the vaccination import uses of the other modules, through their public surfaces only.
export { matchPeople, insertPeopleBatch, type PersonFields } from '../people';
export { locationOfCommune } from '../geo';
