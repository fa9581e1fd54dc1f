/**
 * Public surface of the status module: the only file other modules (and app.ts) may import.
 * Status: a person's colour from every registered source (results, declarations, ...). Owns no tables.
 */
export { statusRoutes } from './status.routes';
export { personStatus, registerStatusSource, type StatusSource } from './status.sources';
