import * as OTPAuth from 'otpauth';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { verifyAgainstDummy, verifyPassword } from '../../core/auth/password';
import { actorFromAccount, createSession } from '../../core/auth/sessions';
import { findAccountByUsername, recordSignInSuccess, type AccountRow } from './accounts.repository';
import {
  claimPasswordGuess,
  forgetGuesses,
  FREE_PASSWORD_GUESSES,
  guessKey,
  refundGuess,
} from './password-guesses';
import { openTotpSecret } from './totp-secret';

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
 * Staff sign-in. Unknown usernames and wrong passwords answer alike and take alike long. Wrong
 * passwords and two-factor codes are counted per account and address: after five, that address
 * waits, longer after each further failure (password-guesses.ts); nobody can lock the owner out.
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
  // Locks set before guesses were counted per address still run out.
  if (account.locked_until && account.locked_until.getTime() > Date.now())
    throw new AppError('ACCOUNT_LOCKED');

  const key = guessKey(serverSecret, account.id, ctx.ip);
  const failures = await claimPasswordGuess(db, key);
  const wrong = async (code: 'INVALID_CREDENTIALS' | 'TOTP_INVALID'): Promise<never> => {
    // From the fifth failure on, this address must wait: worth an entry for whoever watches the log.
    if (failures >= FREE_PASSWORD_GUESSES)
      await recordAudit(
        db,
        { ...ctx, actor: actorFromAccount(account) },
        { action: 'auth.throttled', details: { failures } },
      );
    throw new AppError(code);
  };
  if (!(await verifyPassword(input.password, account.password_hash))) return wrong('INVALID_CREDENTIALS');
  if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
  if (account.totp_enabled && account.totp_secret) {
    if (!input.totp) {
      await refundGuess(db, key);
      throw new AppError('TOTP_REQUIRED');
    }
    // An unreadable stored secret throws TOTP_SECRET_UNREADABLE: no session without a checked code,
    // and the server's fault is not held against the person.
    let secret: string;
    try {
      secret = openTotpSecret(account.totp_secret, account.id, serverSecret);
    } catch (err) {
      await refundGuess(db, key);
      throw err;
    }
    if (!totpValid(secret, account.username ?? account.id, input.totp)) return wrong('TOTP_INVALID');
  }

  return db.transaction(async (tx) => {
    await recordSignInSuccess(tx, account.id);
    await forgetGuesses(tx, key);
    const session = await createSession(tx, account.id, 'staff');
    await recordAudit(
      tx,
      { ...ctx, actor: actorFromAccount(account) },
      { action: 'auth.login', details: {} },
    );
    return { account, ...session };
  });
}
