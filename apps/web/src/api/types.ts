/** Shapes of the API responses the web app reads (see the server's OpenAPI docs at /docs). */

// Accounts' shapes come from the server's schemas (packages/contracts).
export type { AccountSummary, Me, OtpRequested } from '@phongdich/contracts/accounts';

// The development inbox's messages come from the server's schemas (packages/contracts).
export type { InboxMessage } from '@phongdich/contracts/outbox';

// Administrative units come from the server's schemas (packages/contracts).
export type { Unit, UnitDetail } from '@phongdich/contracts/geo';

export type Sex = 'male' | 'female' | 'other';

// The people registry's shapes come from the server's schemas (packages/contracts), never copied here.
export type {
  DuplicateReason,
  HistoryItem,
  Person,
  PersonInput,
  PersonSummary,
} from '@phongdich/contracts/people';

// The audit trail's entries come from the server's schemas (packages/contracts).
export type { AuditEntry } from '@phongdich/contracts/audit';
