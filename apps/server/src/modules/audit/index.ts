/**
 * Public surface of the audit module: the only file other modules (and app.ts) may import.
 * Audit: search, export and verification of the audit trail (the writing side is core/audit). Owns no tables.
 */
export { auditRoutes } from './audit.routes';
export { checkAuditTrail } from './audit.service';
