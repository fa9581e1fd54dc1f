import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { deriveKey, isSealed, open, seal, SecretBoxError } from '../../core/crypto/secret-box';

/**
 * TOTP secrets are stored sealed (`v1:<iv>:<ciphertext+tag>`, AES-256-GCM) under a key derived from
 * the server secret for this purpose alone, and bound to their account: a database dump cannot mint
 * second factors, and a sealed secret copied onto another account does not open there.
 *
 * Rows written before encryption hold the base32 secret in clear. They still work, and the start-up
 * step encryptLegacyTotpSecrets() seals them (buildApp runs it once the app is ready).
 */
export const TOTP_SECRET_PURPOSE = 'phongdich:totp:v1';

const BASE32 = /^[A-Za-z2-7]+=*$/;

const boundTo = (accountId: string) => `accounts.totp_secret:${accountId}`;

export function sealTotpSecret(base32: string, accountId: string, serverSecret: string): string {
  return seal(deriveKey(serverSecret, TOTP_SECRET_PURPOSE), base32, boundTo(accountId));
}

/** A stored secret still in clear (written before TOTP secrets were encrypted). */
export function isLegacyTotpSecret(stored: string): boolean {
  return !isSealed(stored) && BASE32.test(stored);
}

/**
 * The base32 secret behind a stored value (sealed, or legacy clear text). Anything that does not open
 * (tampered with, another account's, sealed under another server secret, garbage) fails closed with
 * TOTP_SECRET_UNREADABLE: logged for the operators, never a way past the second factor.
 */
export function openTotpSecret(stored: string, accountId: string, serverSecret: string): string {
  if (isLegacyTotpSecret(stored)) return stored;
  const unreadable = (why: string) =>
    new AppError('TOTP_SECRET_UNREADABLE', undefined, `TOTP secret of account ${accountId}: ${why}`);
  if (!isSealed(stored)) throw unreadable('neither sealed nor base32');
  let base32: string;
  try {
    base32 = open(deriveKey(serverSecret, TOTP_SECRET_PURPOSE), stored, boundTo(accountId)).toString('utf8');
  } catch (e) {
    if (e instanceof SecretBoxError) throw unreadable(`${e.message} (or PHONGDICH_SECRET changed)`);
    throw e;
  }
  if (!BASE32.test(base32)) throw unreadable('sealed value is not base32');
  return base32;
}

/**
 * One-off start-up step: seals every TOTP secret still stored in clear. Safe with several servers
 * starting at once (each row is replaced only if it still holds the clear value). Returns how many
 * rows it sealed. Values that are neither sealed nor base32 are left for sign-in to report.
 */
export async function encryptLegacyTotpSecrets(q: Queryable, serverSecret: string): Promise<number> {
  const rows = await q.query<{ id: string; totp_secret: string }>(
    `select id, totp_secret from accounts where totp_secret is not null and left(totp_secret, 3) <> 'v1:'`,
  );
  let sealed = 0;
  for (const row of rows) {
    if (!isLegacyTotpSecret(row.totp_secret)) continue;
    const done = await q.query(
      'update accounts set totp_secret = $2 where id = $1 and totp_secret = $3 returning id',
      [row.id, sealTotpSecret(row.totp_secret, row.id, serverSecret), row.totp_secret],
    );
    sealed += done.length;
  }
  return sealed;
}
