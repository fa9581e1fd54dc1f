import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SESSION_COOKIE = 'pd_session';
/** API tokens are recognisable by their prefix, so the hook knows which table to look in. */
export const API_TOKEN_PREFIX = 'pdt_';

export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function newApiToken(): string {
  return API_TOKEN_PREFIX + randomBytes(32).toString('base64url');
}

/** Tokens carry 256 random bits, so a plain SHA-256 is enough to make the stored value useless. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Keyed hash for low-entropy values (phone numbers, 6-digit codes, IPs): useless without the secret. */
export function keyedHash(secret: string, ...parts: string[]): string {
  const h = createHmac('sha256', secret);
  for (const p of parts) h.update(p).update('\u0000');
  return h.digest('hex');
}

export function safeEqualHex(a: string, b: string): boolean {
  const x = Buffer.from(a, 'hex');
  const y = Buffer.from(b, 'hex');
  return x.length === y.length && timingSafeEqual(x, y);
}
