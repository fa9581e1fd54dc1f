/**
 * Typed actions checked by the policy. Adding an action here makes the compiler demand a rule for it
 * in the server's policy table, so no action goes unguarded by a typo.
 */
export const ACTIONS = [
  'person.read',
  'person.search',
  'person.create',
  'person.update',
  'person.merge',
  'person.breakGlass',
  'unit.read',
  'audit.read',
  'audit.export',
  'account.manage',
  'outbox.readDevInbox',
  'stats.readAggregates',
] as const;
export type Action = (typeof ACTIONS)[number];
