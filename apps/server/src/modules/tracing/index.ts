/**
 * Public surface of the tracing module (issue #13 §2–3): the only file other modules (and app.ts) may
 * import. Contacts F1, F2… found from check-ins, households and proximity logs; chains and clusters.
 * Owns tables: contacts, proximity_secrets, proximity_identifiers, proximity_upload_codes,
 * proximity_uploads, proximity_encounters, clusters, cluster_cases, traced_cases, traced_case_venues,
 * named_contacts.
 */
export { tracingRoutes } from './tracing.routes';
export { tracingStatusSource } from './tracing.status-source';
export { tracingEventHandlers } from './tracing.events';
export { runProximityRetention } from './tracing.proximity';
export { TRACING_RULE_SETS, tracingRulesAt } from './tracing.rules';
