// Public surface of the scan module: what other modules may use.
export { scanService, type ScanMethod } from './scan.service';
