/** Shapes of the API responses the web app reads (see the server's OpenAPI docs at /docs). */

// Accounts' shapes come from the server's schemas (packages/contracts).
export type { AccountSummary, Me } from '@phongdich/contracts/accounts';

export interface OtpRequested {
  sent: boolean;
  expiresInSeconds: number;
  devInbox: boolean;
}

export interface InboxMessage {
  id: string;
  channel: 'sms' | 'notice';
  to: string;
  subject: string;
  body: string;
  createdAt: string;
}

export interface Unit {
  code: string;
  level: 1 | 2 | 3;
  name: string;
  nameEn: string;
  fullName: string;
  fullNameEn: string;
  type: string;
  parentCode: string | null;
  provinceCode: string;
  districtCode: string | null;
  population?: number | null;
}

export interface UnitDetail {
  unit: Unit;
  ancestors: Unit[];
  childCount: number;
}

export type Sex = 'male' | 'female' | 'other';

// The people registry's shapes come from the server's schemas (packages/contracts), never copied here.
export type {
  DuplicateReason,
  HistoryItem,
  Person,
  PersonInput,
  PersonSummary,
} from '@phongdich/contracts/people';

export interface AuditEntry {
  id: number | string;
  at: string;
  actorAccountId: string | null;
  actorRole: string | null;
  actorUnit: string | null;
  actorName?: string | null;
  actorUnitName?: string | null;
  action: string;
  personId: string | null;
  ip: string | null;
  reason: string | null;
  breakGlass: boolean;
  details: unknown;
}
