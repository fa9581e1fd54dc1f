import type { Action, Role } from '@phongdich/contracts';

/** Shapes of the API responses the web app reads (see the server's OpenAPI docs at /docs). */

export interface Me {
  id: string;
  kind: 'staff' | 'citizen' | 'machine';
  role: Role;
  displayName: string;
  username: string | null;
  phoneMasked: string | null;
  unitCode: string | null;
  unitName: string | null;
  personId: string | null;
  totpEnabled: boolean;
  /** A citizen who owns or staffs a check-in point (they see the scanner). */
  staffsVenue: boolean;
  permissions: Action[];
}

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

export interface AccountSummary {
  id: string;
  kind: 'staff' | 'citizen' | 'machine';
  username: string | null;
  displayName: string;
  role: Role;
  unitCode: string | null;
  unitName: string | null;
  disabled: boolean;
  totpEnabled: boolean;
  lockedUntil: string | null;
  createdAt: string;
  lastSignInAt: string | null;
}
