import * as OTPAuth from 'otpauth';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { verifyAgainstDummy, verifyPassword } from '../../core/auth/password';
import { actorFromAccount, createSession } from '../../core/auth/sessions';
import {
  findAccountByUsername,
  recordSignInFailure,
  recordSignInSuccess,
  type AccountRow,
} from './accounts.repository';
import { openTotpSecret } from './totp-secret';

export const LOCK_AFTER_FAILURES = 5;
export const LOCK_MINUTES = 15;

export interface SignedIn {
  account: AccountRow;
  token: string;
  maxAge: number;
}

export function totpFor(secret: string, label: string): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Phòng Dịch',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** One step of clock drift either way is accepted. */
export function totpValid(secret: string, label: string, code: string): boolean {
  const token = code.replace(/\s/g, '');
  // otpauth compares byte buffers and throws on a token of another byte length (e.g. 'é').
  if (!/^\d{6}$/.test(token)) return false;
  return totpFor(secret, label).validate({ token, window: 1 }) !== null;
}

/**
 * Staff sign-in. Unknown usernames and wrong passwords answer alike and take alike long; five
 * consecutive failures (wrong password or wrong two-factor code) lock the account for 15 minutes.
 */
export async function signInStaff(
  db: Db,
  serverSecret: string,
  ctx: AuditContext,
  input: { username: string; password: string; totp?: string },
): Promise<SignedIn> {
  const account = await findAccountByUsername(db, input.username);
  if (!account || account.kind !== 'staff' || !account.password_hash) {
    await verifyAgainstDummy(input.password);
    throw new AppError('INVALID_CREDENTIALS');
  }
  if (account.locked_until && account.locked_until.getTime() > Date.now())
    throw new AppError('ACCOUNT_LOCKED');

  const fail = async (code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID'): Promise<never> => {
    const { locked } = await db.transaction(async (tx) => {
      const result = await recordSignInFailure(tx, account.id, LOCK_AFTER_FAILURES, LOCK_MINUTES);
      if (result.locked)
        await recordAudit(
          tx,
          { ...ctx, actor: actorFromAccount(account) },
          { action: 'auth.locked', details: {} },
        );
      return result;
    });
    throw new AppError(locked ? 'ACCOUNT_LOCKED' : code);
  };

  if (!(await verifyPassword(input.password, account.password_hash))) return fail('INVALID_CREDENTIALS');
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
  if (account.totp_enabled && account.totp_secret) {
    if (!input.totp) throw new AppError('TOTP_REQUIRED');
    // An unreadable stored secret throws TOTP_SECRET_UNREADABLE: no session without a checked code.
    const secret = openTotpSecret(account.totp_secret, account.id, serverSecret);
    if (!totpValid(secret, account.username ?? account.id, input.totp)) return fail('TOTP_INVALID');
  }

  return db.transaction(async (tx) => {
    await recordSignInSuccess(tx, account.id);
    const session = await createSession(tx, account.id, 'staff');
    await recordAudit(
      tx,
      { ...ctx, actor: actorFromAccount(account) },
      { action: 'auth.login', details: {} },
    );
    return { account, ...session };
  });
}
