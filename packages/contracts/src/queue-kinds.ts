/**
 * The kinds of write a phone keeps in its offline queue (apps/web/src/offline/queue.ts) until the
 * network returns: each kind has one sender, registered by the page that makes it. A closed list, so
 * a page queueing under a misspelt kind (which no sender would ever send) does not compile.
 */
export const QUEUE_KINDS = [
  'checkin',
  'sample',
  'vaccination.dose',
  'vaccination.screening',
  'vaccination.aefi',
] as const;
export type QueueKind = (typeof QUEUE_KINDS)[number];
