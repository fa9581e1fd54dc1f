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

export interface PersonSummary {
  id: string;
  fullName: string;
  birthYear: number | null;
  sex: Sex;
  communeCode: string;
  communeName: string;
  masked: boolean;
  idHint: string | null;
}

export interface Person {
  id: string;
  masked: boolean;
  canBreakGlass: boolean;
  fullName: string;
  birthDate: string | null;
  birthYear: number | null;
  sex: Sex;
  nationality: string;
  cccd: string | null;
  cmnd: string | null;
  passport: string | null;
  bhyt: string | null;
  phones: string[];
  communeCode: string;
  communeName: string;
  districtCode: string;
  provinceCode: string;
  street: string | null;
  family: { id: string; fullName: string; relation: string }[];
  mergedInto: string | null;
  createdAt: string;
  updatedAt: string;
  version: number;
}

/** The body of POST /api/people (and /api/me/person, /api/me/family with `relation`). */
export interface PersonInput {
  fullName: string;
  birthDate?: string;
  birthYear?: number;
  sex: Sex;
  nationality?: string;
  cccd?: string;
  cmnd?: string;
  passport?: string;
  bhyt?: string;
  phones?: string[];
  communeCode: string;
  street?: string;
  relation?: string;
}

export type DuplicateReason = 'same_id' | 'same_name_birth_commune' | 'same_phone';

export interface HistoryItem {
  at: string;
  actorName: string | null;
  kind: string;
  changes: unknown;
}

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
