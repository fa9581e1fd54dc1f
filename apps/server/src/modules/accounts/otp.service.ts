import { randomInt } from 'node:crypto';
import { maskPhone, normalizeVnMobile } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { AppError, fieldError, throttled } from '../../core/errors';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { actorFromAccount, createSession } from '../../core/auth/sessions';
import { keyedHash, safeEqualHex } from '../../core/auth/tokens';
import { sendMessage } from '../outbox';
import { findCitizenByPhone, insertAccount } from './accounts.repository';
import {
  claimGuess,
  consumeCode,
  countRecentCodes,
  insertCode,
  secondsUntilNextCode,
} from './otp.repository';
import type { SignedIn } from './sign-in.service';

export const OTP_TTL_SECONDS = 300;
export const OTP_MAX_ATTEMPTS = 5;
export const OTP_MAX_PER_PHONE_PER_HOUR = 5;
export const OTP_MAX_PER_IP_PER_HOUR = 30;

function normalizedOrThrow(phone: string): string {
  const normalized = normalizeVnMobile(phone);
  if (!normalized)
    throw new AppError('INVALID_PHONE', [
      fieldError(
        'phone',
        'INVALID_PHONE',
        'Số di động gồm 0 hoặc +84 và 9 chữ số',
        'A mobile number is 0 or +84 followed by 9 digits',
      ),
    ]);
  return normalized;
}

/** Sends a 6-digit code valid for 5 minutes; limited per phone and per IP within an hour. */
export async function requestOtp(
  db: Db,
  secret: string,
  ctx: AuditContext,
  phoneInput: string,
): Promise<void> {
  const phone = normalizedOrThrow(phoneInput);
  const phoneHash = keyedHash(secret, 'otp-phone', phone);
  const ipHash = ctx.ip ? keyedHash(secret, 'otp-ip', ctx.ip) : null;
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await db.transaction(async (tx) => {
    // Serialise requests for the same phone so the hourly count cannot be raced.
    await tx.query('select pg_advisory_xact_lock(hashtext($1))', [phoneHash]);
    if ((await countRecentCodes(tx, 'phone_hash', phoneHash, 60)) >= OTP_MAX_PER_PHONE_PER_HOUR)
      throw throttled(
        'OTP_TOO_MANY',
        await secondsUntilNextCode(tx, 'phone_hash', phoneHash, 60, OTP_MAX_PER_PHONE_PER_HOUR),
      );
    if (ipHash && (await countRecentCodes(tx, 'ip_hash', ipHash, 60)) >= OTP_MAX_PER_IP_PER_HOUR)
      throw throttled(
        'OTP_TOO_MANY',
        await secondsUntilNextCode(tx, 'ip_hash', ipHash, 60, OTP_MAX_PER_IP_PER_HOUR),
      );
    await insertCode(tx, {
      phoneHash,
      ipHash,
      codeHash: keyedHash(secret, 'otp-code', phone, code),
      ttlSeconds: OTP_TTL_SECONDS,
    });
    await sendMessage(tx, {
      channel: 'sms',
      to: phone,
      subject: 'Mã đăng nhập / Sign-in code',
      body: `Phong Dich: ma dang nhap cua ban la ${code}, hieu luc 5 phut. Khong chia se ma nay. / Your sign-in code is ${code}, valid for 5 minutes.`,
    });
  });
}

/** Checks the newest code for the phone (five guesses, each counted before it is checked); signs in, creating the citizen account on first use. */
export async function verifyOtp(
  db: Db,
  secret: string,
  ctx: AuditContext,
  input: { phone: string; code: string },
): Promise<SignedIn> {
  const phone = normalizedOrThrow(input.phone);
  const phoneHash = keyedHash(secret, 'otp-phone', phone);
  const live = await claimGuess(db, phoneHash, OTP_MAX_ATTEMPTS);
  if (!live) throw new AppError('OTP_INVALID');
  const given = keyedHash(secret, 'otp-code', phone, input.code.trim());
  if (!safeEqualHex(given, live.code_hash)) throw new AppError('OTP_INVALID');
  return db.transaction(async (tx) => {
    if (!(await consumeCode(tx, live.id))) throw new AppError('OTP_INVALID');
    const account =
      (await findCitizenByPhone(tx, phone)) ??
      (await insertAccount(tx, {
        kind: 'citizen',
        username: null,
        phone,
        displayName: maskPhone(phone),
        role: 'citizen',
        unitCode: null,
        passwordHash: null,
      }));
    if (account.disabled) throw new AppError('ACCOUNT_DISABLED');
    const session = await createSession(tx, account.id, 'citizen');
    await recordAudit(
      tx,
      { ...ctx, actor: actorFromAccount(account) },
      { action: 'auth.login', details: {} },
    );
    return { account, ...session };
  });
}
