// Public surface of the worklist for other modules.
export { addWorklistItem, type NewWorklistItem } from './worklist.service';
