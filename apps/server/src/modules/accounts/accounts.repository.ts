import type { UnitStructure } from '../../core/units/structure';
import type { Queryable } from '../../core/db/db';
import { one } from '../../core/db/db';
import { forgetAccountActors } from '../../core/auth/sessions';

export interface AccountRow {
  id: string;
  kind: 'staff' | 'citizen' | 'machine';
  username: string | null;
  phone: string | null;
  display_name: string;
  role: string;
  unit_code: string | null;
  /** The structure of unit_code (the deployment's when the account was made or moved). */
  unit_structure: UnitStructure;
  facility_id: string | null;
  person_id: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  totp_enabled: boolean;
  disabled: boolean;
  failed_attempts: number;
  locked_until: Date | null;
  created_at: Date;
  /** Only from listAccounts: when the account last signed in (its latest auth.login audit entry). */
  last_sign_in_at?: Date | null;
  updated_at: Date;
}

export interface NewAccount {
  kind: AccountRow['kind'];
  username: string | null;
  phone?: string | null;
  displayName: string;
  role: string;
  unitCode: string | null;
  facilityId?: string | null;
  passwordHash: string | null;
}

export async function insertAccount(q: Queryable, a: NewAccount): Promise<AccountRow> {
  const rows = await q.query<AccountRow>(
    `insert into accounts (kind, username, phone, display_name, role, unit_code, facility_id, password_hash)
     values ($1,$2,$3,$4,$5,$6,$7,$8) returning *`,
    [
      a.kind,
      a.username,
      a.phone ?? null,
      a.displayName,
      a.role,
      a.unitCode,
      a.facilityId ?? null,
      a.passwordHash,
    ],
  );
  return rows[0]!;
}

export function findAccountById(q: Queryable, id: string): Promise<AccountRow | undefined> {
  return one<AccountRow>(q, 'select * from accounts where id = $1', [id]);
}

export function findAccountByUsername(q: Queryable, username: string): Promise<AccountRow | undefined> {
  return one<AccountRow>(q, 'select * from accounts where lower(username) = lower($1)', [username]);
}

export function findCitizenByPhone(q: Queryable, phone: string): Promise<AccountRow | undefined> {
  return one<AccountRow>(q, "select * from accounts where kind = 'citizen' and phone = $1", [phone]);
}

export async function recordSignInSuccess(q: Queryable, id: string): Promise<void> {
  await q.query('update accounts set failed_attempts = 0, locked_until = null where id = $1', [id]);
}

export interface AccountChanges {
  displayName?: string;
  role?: string;
  unitCode?: string | null;
  disabled?: boolean;
  passwordHash?: string;
  totpSecret?: string | null;
  totpEnabled?: boolean;
  personId?: string | null;
}

const COLUMNS: Record<keyof AccountChanges, string> = {
  displayName: 'display_name',
  role: 'role',
  unitCode: 'unit_code',
  disabled: 'disabled',
  passwordHash: 'password_hash',
  totpSecret: 'totp_secret',
  totpEnabled: 'totp_enabled',
  personId: 'person_id',
};

export async function updateAccount(q: Queryable, id: string, changes: AccountChanges): Promise<AccountRow> {
  const sets: string[] = ['updated_at = now()'];
  const params: (string | boolean | null)[] = [id];
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    params.push(value as string | boolean | null);
    sets.push(`${COLUMNS[key as keyof AccountChanges]} = $${params.length}`);
  }
  if (changes.passwordHash) sets.push('failed_attempts = 0', 'locked_until = null');
  const rows = await q.query<AccountRow>(
    `update accounts set ${sets.join(', ')} where id = $1 returning *`,
    params,
  );
  forgetAccountActors(id);
  return rows[0]!;
}

export interface AccountListFilter {
  /** Only accounts whose unit lies within this unit; null = no restriction (national). */
  scopeUnit: string | null;
  role?: string;
  unitCode?: string;
  /** Part of the display name or username, compared without case or diacritics. */
  q?: string;
  limit: number;
  offset: number;
}

// Vietnamese letters and their bare forms, for translate(): folds diacritics in SQL the same way on
// PostgreSQL and PGlite, with no extension (the accounts table is small: no index needed).
const ACCENTED = 'àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ';
const BARE = 'aaaaaaaaaaaaaaaaaeeeeeeeeeeeiiiiiooooooooooooooooouuuuuuuuuuuyyyyyd';
export const foldedSql = (sql: string) => `translate(lower(${sql}), '${ACCENTED}', '${BARE}')`;

/** The same folding in JS for the search text. */
export function foldForAccountSearch(text: string): string {
  let out = '';
  for (const ch of text.toLowerCase()) {
    const i = ACCENTED.indexOf(ch);
    out += i >= 0 ? BARE[i] : ch;
  }
  return out;
}

/** Staff and machine accounts within a unit: the unit itself or any unit whose province/district it is. */
export async function listAccounts(
  q: Queryable,
  f: AccountListFilter,
): Promise<{ rows: AccountRow[]; total: number }> {
  const where = ["a.kind <> 'citizen'"];
  const params: (string | number)[] = [];
  if (f.scopeUnit !== null) {
    params.push(f.scopeUnit);
    where.push(`(a.unit_code = $${params.length} or exists (select 1 from unit_brief u
      where u.code = a.unit_code and u.structure = a.unit_structure
        and (u.province_code = $${params.length} or u.district_code = $${params.length})))`);
  }
  if (f.role) {
    params.push(f.role);
    where.push(`a.role = $${params.length}`);
  }
  if (f.unitCode) {
    params.push(f.unitCode);
    where.push(`a.unit_code = $${params.length}`);
  }
  if (f.q?.trim()) {
    // LIKE's own wildcards in the text are matched literally.
    params.push(`%${foldForAccountSearch(f.q.trim()).replace(/[\\%_]/g, '\\$&')}%`);
    where.push(
      `(${foldedSql('a.display_name')} like $${params.length} or ${foldedSql("coalesce(a.username, '')")} like $${params.length})`,
    );
  }
  const cond = where.join(' and ');
  const total = await q.query<{ n: number }>(
    `select count(*)::int as n from accounts a where ${cond}`,
    params,
  );
  const rows = await q.query<AccountRow>(
    // The last sign-in is the account's latest auth.login entry in the audit log (sessions are deleted).
    `select a.*, (select l.at from audit_log l where l.actor_account_id = a.id::text and l.action = 'auth.login'
                  order by l.id desc limit 1) as last_sign_in_at
     from accounts a where ${cond} order by a.created_at, a.id limit $${params.length + 1} offset $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows, total: total[0]!.n };
}
