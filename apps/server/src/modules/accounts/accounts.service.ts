import type { Role } from '@phongdich/contracts';
import type { AccountSummary } from '@phongdich/contracts/accounts';
import type { Db } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize, canAt } from '../../core/auth/policy';
import {
  liesWithin,
  NOWHERE,
  reachOfUnit,
  rowLocation,
  type Location,
  type UnitColumns,
} from '../../core/auth/jurisdiction';
import { assertStrongPassword, hashPassword } from '../../core/auth/password';
import { deleteAccountSessions } from '../../core/auth/sessions';
import { newApiToken, tokenHash } from '../../core/auth/tokens';
import {
  findAccountById,
  findAccountByUsername,
  insertAccount,
  listAccounts,
  updateAccount,
  type AccountChanges,
  type AccountRow,
} from './accounts.repository';
import { insertApiToken, revokeApiToken } from './tokens.repository';
import { findUnitRef, unitNames } from '../geo';

/** Where an account's scope lies: national (null unit) has no location, so only national reaches it. */
const NATIONAL = NOWHERE;

// An account as the administration answers it: the contracts' shape.
export type { AccountSummary };

export async function presentAccounts(db: Db, rows: AccountRow[]): Promise<AccountSummary[]> {
  const names = await unitNames(
    db,
    rows.map((r) => r.unit_code),
  );
  return rows.map((a) => ({
    id: a.id,
    kind: a.kind,
    username: a.username,
    displayName: a.display_name,
    // Stored roles are the catalogue's (accounts are created with StaffRole or 'citizen').
    role: a.role as Role,
    unitCode: a.unit_code,
    unitName: a.unit_code ? (names.get(a.unit_code) ?? null) : null,
    disabled: a.disabled,
    totpEnabled: a.totp_enabled,
    lockedUntil:
      a.locked_until && a.locked_until.getTime() > Date.now() ? a.locked_until.toISOString() : null,
    createdAt: a.created_at.toISOString(),
    lastSignInAt: a.last_sign_in_at ? new Date(a.last_sign_in_at).toISOString() : null,
  }));
}

/** Officer roles sit at one level: a province officer's unit is a province, and so on. */
const ROLE_LEVEL: Partial<Record<Role, number | null>> = {
  national_admin: null,
  province_officer: 1,
  district_officer: 2,
  commune_officer: 3,
};

/** Resolves a unit code to a location, checking it exists and fits the role. */
async function scopeOf(db: Db, role: string, unitCode: string | null): Promise<Location> {
  const level = ROLE_LEVEL[role as Role];
  const mismatch = () =>
    new AppError('VALIDATION_FAILED', [
      fieldError('unitCode', 'UNIT_LEVEL', 'Đơn vị không phù hợp với vai trò', 'Unit does not fit the role'),
    ]);
  if (unitCode === null) {
    if (level !== undefined && level !== null) throw mismatch();
    return NATIONAL;
  }
  if (level === null) throw mismatch();
  const unit = await findUnitRef(db, unitCode);
  if (!unit) throw new AppError('UNIT_NOT_FOUND');
  if (level !== undefined && unit.level !== level) throw mismatch();
  return unit.location;
}

/**
 * An account tied to a facility (a lab, a venue) acts there: that facility must lie inside the
 * account's own area, which is inside its creator's (issue #8: a district officer tied a technician
 * to another province's lab). An unknown facility is refused the same way.
 */
async function assertFacilityInScope(db: Db, facilityId: string | null | undefined, scope: Location) {
  if (!facilityId) return;
  const rows = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(facilityId)
    ? await db.query<UnitColumns>(
        // The lab's and the venue's read views (0071, 0069): accounts may not import lab or venues,
        // which both import accounts.
        `select province_code, district_code, commune_code, unit_structure from lab_brief where id = $1
         union all select province_code, district_code, commune_code, unit_structure from venue_brief where id = $1`,
        [facilityId],
      )
    : [];
  const f = rows[0];
  // The one jurisdiction rule, map included: a facility of a 2021 commune is not in the 2025
  // commune that kept its code (a split ward's lab may lie in a neighbour).
  const inside = !!f && liesWithin(reachOfUnit(scope), rowLocation(f));
  if (!inside) {
    throw new AppError('VALIDATION_FAILED', [
      fieldError(
        'facilityId',
        'FACILITY_OUTSIDE_AREA',
        'Cơ sở (phòng xét nghiệm, điểm kiểm soát) không thuộc địa bàn của tài khoản.',
        'The facility (lab, venue) is not in the account’s area.',
      ),
    ]);
  }
}

/** A managed account: missing, citizen and out-of-reach accounts all look the same (not found). */
async function managedAccount(db: Db, ctx: AuditContext, id: string): Promise<AccountRow> {
  authorize(ctx.actor, 'account.manage');
  const account = await findAccountById(db, id);
  if (!account || account.kind === 'citizen') throw new AppError('NOT_FOUND');
  const loc = account.unit_code
    ? ((await findUnitRef(db, account.unit_code, account.unit_structure))?.location ?? NATIONAL)
    : NATIONAL;
  if (!canAt(ctx.actor, 'account.manage', loc)) throw new AppError('NOT_FOUND');
  return account;
}

function actorScope(ctx: AuditContext): string | null {
  const a = ctx.actor;
  return a.kind === 'staff' || a.kind === 'machine' ? a.unitCode : null;
}

export async function listManagedAccounts(
  db: Db,
  ctx: AuditContext,
  f: { role?: string; unitCode?: string; q?: string; limit?: number; offset?: number },
): Promise<{ items: AccountSummary[]; total: number }> {
  authorize(ctx.actor, 'account.manage');
  const { rows, total } = await listAccounts(db, {
    scopeUnit: actorScope(ctx),
    role: f.role,
    unitCode: f.unitCode,
    q: f.q,
    limit: f.limit ?? 50,
    offset: f.offset ?? 0,
  });
  return { items: await presentAccounts(db, rows), total };
}

export interface NewAccountInput {
  username: string;
  displayName: string;
  role: Exclude<Role, 'citizen'>;
  unitCode: string | null;
  facilityId?: string | null;
  password: string;
  kind?: 'staff' | 'machine';
}

export async function createManagedAccount(
  db: Db,
  ctx: AuditContext,
  input: NewAccountInput,
): Promise<AccountSummary> {
  authorize(ctx.actor, 'account.manage');
  if (
    input.role === 'national_admin' &&
    ctx.actor.kind !== 'anonymous' &&
    ctx.actor.role !== 'national_admin'
  )
    throw new AppError('FORBIDDEN', undefined, 'only national admins create national admins');
  const scope = await scopeOf(db, input.role, input.unitCode);
  authorize(ctx.actor, 'account.manage', scope);
  await assertFacilityInScope(db, input.facilityId, scope);
  assertStrongPassword(input.password);
  if (await findAccountByUsername(db, input.username)) throw new AppError('USERNAME_TAKEN');
  const passwordHash = await hashPassword(input.password);
  const row = await db
    .transaction(async (tx) => {
      const created = await insertAccount(tx, {
        kind: input.kind ?? 'staff',
        username: input.username,
        displayName: input.displayName,
        role: input.role,
        unitCode: input.unitCode,
        facilityId: input.facilityId ?? null,
        passwordHash,
      });
      await recordAudit(tx, ctx, {
        action: 'account.create',
        personId: null,
        details: { accountId: created.id, role: input.role, unitCode: input.unitCode },
      });
      return created;
    })
    .catch((err: { code?: string }) => {
      // Two creations of the same name at once: the unique index decides.
      throw err.code === '23505' ? new AppError('USERNAME_TAKEN') : err;
    });
  return (await presentAccounts(db, [row]))[0]!;
}

export async function updateManagedAccount(
  db: Db,
  ctx: AuditContext,
  id: string,
  input: {
    displayName?: string;
    role?: Exclude<Role, 'citizen'>;
    unitCode?: string | null;
    disabled?: boolean;
  },
): Promise<AccountSummary> {
  const account = await managedAccount(db, ctx, id);
  const self = ctx.actor.kind !== 'anonymous' && ctx.actor.accountId === id;
  if (self && (input.role !== undefined || input.unitCode !== undefined || input.disabled !== undefined))
    throw new AppError('FORBIDDEN', undefined, 'own role, unit or status');
  if (input.role !== undefined || input.unitCode !== undefined) {
    const role = input.role ?? account.role;
    if (role === 'national_admin' && ctx.actor.kind !== 'anonymous' && ctx.actor.role !== 'national_admin')
      throw new AppError('FORBIDDEN', undefined, 'only national admins grant national admin');
    const scope = await scopeOf(db, role, input.unitCode !== undefined ? input.unitCode : account.unit_code);
    authorize(ctx.actor, 'account.manage', scope);
    await assertFacilityInScope(db, account.facility_id, scope);
  }
  const changes: AccountChanges = {
    displayName: input.displayName,
    role: input.role,
    unitCode: input.unitCode,
    disabled: input.disabled,
  };
  const fields = Object.keys(changes).filter((k) => changes[k as keyof AccountChanges] !== undefined);
  const row = await db.transaction(async (tx) => {
    const updated = await updateAccount(tx, id, changes);
    if (input.disabled) await deleteAccountSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: 'account.update',
      personId: null,
      details: { accountId: id, fields },
    });
    return updated;
  });
  return (await presentAccounts(db, [row]))[0]!;
}

export async function resetManagedPassword(
  db: Db,
  ctx: AuditContext,
  id: string,
  password: string,
): Promise<void> {
  await managedAccount(db, ctx, id);
  assertStrongPassword(password);
  const passwordHash = await hashPassword(password);
  await db.transaction(async (tx) => {
    await updateAccount(tx, id, { passwordHash });
    await deleteAccountSessions(tx, id);
    await recordAudit(tx, ctx, {
      action: 'account.resetPassword',
      personId: null,
      details: { accountId: id },
    });
  });
}

export async function createManagedToken(
  db: Db,
  ctx: AuditContext,
  id: string,
  name: string,
): Promise<{ id: string; token: string }> {
  await managedAccount(db, ctx, id);
  const token = newApiToken();
  return db.transaction(async (tx) => {
    const tokenId = await insertApiToken(tx, { accountId: id, name, tokenHash: tokenHash(token) });
    await recordAudit(tx, ctx, {
      action: 'account.tokenCreate',
      personId: null,
      details: { accountId: id, tokenId },
    });
    return { id: tokenId, token };
  });
}

export async function revokeManagedToken(
  db: Db,
  ctx: AuditContext,
  id: string,
  tokenId: string,
): Promise<void> {
  await managedAccount(db, ctx, id);
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, id, tokenId))) throw new AppError('NOT_FOUND');
    await recordAudit(tx, ctx, {
      action: 'account.tokenRevoke',
      personId: null,
      details: { accountId: id, tokenId },
    });
  });
}
