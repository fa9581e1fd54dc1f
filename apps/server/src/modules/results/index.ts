/**
 * Public surface of the results module: the only file other modules (and app.ts) may import.
 * Results: officers' and citizens' view of released test results. Owns no tables.
 */
export { resultsRoutes } from './results.routes';
