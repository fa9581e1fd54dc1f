/**
 * Public surface of the health module: the only file other modules (and app.ts) may import.
 * Health: liveness and readiness probes. Owns no tables.
 */
export { healthRoutes } from './health.routes';
