/**
 * Public surface of the lab module: the only file other modules (and app.ts) may import.
 * Lab: tubes received, results entered or uploaded, corrections, release. Owns tables: labs, lab_results, lab_result_corrections, result_uploads, lab_column_mappings, person_results, retest_tasks.
 */
export { labRoutes } from './lab.routes';
export { testingFiguresRoutes } from './testing.figures';
export { labStatusSource } from './lab.status-source';
export {
  releasedResultOf,
  releasedResultsOf,
  releasedResultsSince,
  type ReleasedResult,
} from './lab.person-results';
