import * as OTPAuth from 'otpauth';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { assertStrongPassword, hashPassword, verifyPassword } from '../../core/auth/password';
import { findAccountById, updateAccount, type AccountRow } from './accounts.repository';
import { totpFor, totpValid } from './sign-in.service';
import { openTotpSecret, sealTotpSecret } from './totp-secret';
import { claimPasswordGuess, forgetGuesses, guessKey } from './password-guesses';

/** The signed-in staff account; citizens have no password or second factor. */
async function ownStaffAccount(db: Db, ctx: AuditContext): Promise<AccountRow> {
  const a = ctx.actor;
  if (a.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (a.kind !== 'staff') throw new AppError('FORBIDDEN', undefined, 'staff accounts only');
  const account = await findAccountById(db, a.accountId);
  if (!account) throw new AppError('UNAUTHENTICATED');
  return account;
}

/**
 * Stores a new secret (sealed, not yet enforced) and returns it, this once, for the authenticator app.
 * The clear secret is in this response only: never stored, logged or audited.
 */
export async function setupTotp(
  db: Db,
  serverSecret: string,
  ctx: AuditContext,
): Promise<{ secret: string; otpauthUrl: string }> {
  const account = await ownStaffAccount(db, ctx);
  if (account.totp_enabled) throw new AppError('CONFLICT', undefined, 'TOTP already enabled');
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await updateAccount(db, account.id, { totpSecret: sealTotpSecret(secret, account.id, serverSecret) });
  return { secret, otpauthUrl: totpFor(secret, account.username ?? account.id).toString() };
}

/** Turns the second factor on once the person proves their app produces the right codes. */
export async function enableTotp(
  db: Db,
  serverSecret: string,
  ctx: AuditContext,
  code: string,
): Promise<void> {
  const account = await ownStaffAccount(db, ctx);
  if (!account.totp_secret) throw new AppError('TOTP_INVALID');
  const secret = openTotpSecret(account.totp_secret, account.id, serverSecret);
  if (!totpValid(secret, account.username ?? account.id, code)) throw new AppError('TOTP_INVALID');
  await db.transaction(async (tx) => {
    await updateAccount(tx, account.id, { totpEnabled: true });
    await recordAudit(tx, ctx, { action: 'auth.totpEnable', details: { accountId: account.id } });
  });
}

/** Guesses of the current password count like sign-in guesses (a stolen session cannot try freely). */
export async function changePassword(
  db: Db,
  serverSecret: string,
  ctx: AuditContext,
  input: { currentPassword: string; newPassword: string },
): Promise<void> {
  const account = await ownStaffAccount(db, ctx);
  if (!account.password_hash) throw new AppError('INVALID_CREDENTIALS');
  const key = guessKey(serverSecret, account.id, ctx.ip);
  await claimPasswordGuess(db, key);
  if (!(await verifyPassword(input.currentPassword, account.password_hash)))
    throw new AppError('INVALID_CREDENTIALS');
  await forgetGuesses(db, key);
  assertStrongPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction(async (tx) => {
    await updateAccount(tx, account.id, { passwordHash });
    await recordAudit(tx, ctx, { action: 'auth.passwordChange', details: { accountId: account.id } });
  });
}
