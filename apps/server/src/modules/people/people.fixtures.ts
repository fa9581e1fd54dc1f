import { randomUUID } from 'node:crypto';
import type { Actor } from '../../core/auth/actor';
import type { AuditContext } from '../../core/audit/audit';
import type { Db } from '../../core/db/db';
import type { PersonInput } from './people.input';

/** Test actors: a commune officer of Phúc Xá (Hà Nội), a Hà Nội province officer, an HCMC officer. */
export const staff = (
  role: 'commune_officer' | 'province_officer' | 'national_admin',
  unitCode: string | null,
): Actor => ({
  kind: 'staff',
  accountId: randomUUID(),
  role,
  unitCode,
  facilityId: null,
  displayName: `Cán bộ ${unitCode ?? 'TW'}`,
});

export const ctx = (actor: Actor): AuditContext => ({ actor, ip: '127.0.0.1', requestId: randomUUID() });

/** A citizen account (accounts row with its phone), as the accounts module would create it. */
export async function citizen(db: Db, phone: string): Promise<Extract<Actor, { kind: 'citizen' }>> {
  const rows = await db.query<{ id: string }>(
    `insert into accounts (kind, phone, display_name, role) values ('citizen', $1, 'Người dân', 'citizen') returning id`,
    [phone],
  );
  return { kind: 'citizen', accountId: rows[0]!.id, personId: null, role: 'citizen' };
}

let serial = 100000;
/** A CCCD that agrees with the birth year and sex: province 01, century/sex digit, year, serial. */
export function cccdFor(birthYear: number, sex: 'male' | 'female', province = '01'): string {
  const century = Math.floor((birthYear - 1900) / 100) * 2 + (sex === 'female' ? 1 : 0);
  return `0${province}${century}${String(birthYear % 100).padStart(2, '0')}${++serial}`;
}

export function input(overrides: Partial<PersonInput> = {}): PersonInput {
  return {
    fullName: 'Nguyễn Văn An',
    birthDate: '1990-03-15',
    sex: 'male',
    communeCode: '00001',
    street: 'Số 1 Phó Đức Chính',
    ...overrides,
  };
}

export async function auditRows(db: Db, action: string, personId?: string) {
  return db.query<{
    person_id: string | null;
    break_glass: boolean;
    reason: string | null;
    details: Record<string, unknown>;
  }>(
    `select person_id, break_glass, reason, details from audit_log
      where action = $1 and ($2::uuid is null or person_id = $2) order by id`,
    [action, personId ?? null],
  );
}
