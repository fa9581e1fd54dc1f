/**
 * Public surface of the scan module: the only file other modules (and app.ts) may import.
 * Scan: who a scanned code names, and scans waiting to be resolved. Owns tables: pending_identities.
 */
export { scanRoutes } from './scan.routes';
export { scanService, type ScanMethod } from './scan.service';
