/**
 * Public surface of the worklist module: the only file other modules (and app.ts) may import.
 * Worklist: follow-up items for commune officers. Owns tables: worklist_items.
 */
export { worklistRoutes } from './worklist.routes';
export {
  addWorklistItem,
  closeWorklistItems,
  reopenWorklistItems,
  type NewWorklistItem,
  type WorklistItemsDone,
} from './worklist.service';
