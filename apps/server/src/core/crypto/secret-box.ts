import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Secrets stored at rest (TOTP secrets, private signing keys) are sealed with AES-256-GCM under a key
 * derived from the server secret (`PHONGDICH_SECRET`), a different key for each purpose, so a database
 * dump alone reveals none of them and a value sealed for one purpose cannot be opened for another.
 */

/** A sealed value cannot be opened: unknown format, tampered with, or sealed under another key. */
export class SecretBoxError extends Error {
  override name = 'SecretBoxError';
}

const IV_BYTES = 12;
const TAG_BYTES = 16;
const PREFIX = 'v1:';

const derived = new Map<string, Buffer>();

/**
 * A 256-bit key for one purpose: HKDF-SHA-256 over the server secret, with the purpose label
 * (e.g. `phongdich:totp:v1`) as the HKDF info.
 */
export function deriveKey(serverSecret: string, purpose: string): Buffer {
  const id = `${purpose}\u0000${serverSecret}`;
  let key = derived.get(id);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', serverSecret, 'phongdich:secret-box', purpose, 32));
    derived.set(id, key);
  }
  return key;
}

export interface GcmParts {
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/** AES-256-GCM with a fresh random 96-bit IV; `aad` is authenticated but not stored. */
export function gcmEncrypt(key: Buffer, plaintext: Uint8Array, aad?: string): GcmParts {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
  if (aad !== undefined) cipher.setAAD(Buffer.from(aad, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv, ciphertext, tag: cipher.getAuthTag() };
}

/** Opens what gcmEncrypt sealed; throws SecretBoxError if anything was changed or the key is wrong. */
export function gcmDecrypt(key: Buffer, { iv, ciphertext, tag }: GcmParts, aad?: string): Buffer {
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretBoxError('malformed sealed value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    if (aad !== undefined) decipher.setAAD(Buffer.from(aad, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SecretBoxError('sealed value does not authenticate (tampered with, or another key)');
  }
}

/** Whether a stored value is in the sealed format (`v1:<iv>:<ciphertext+tag>`). */
export function isSealed(value: string): boolean {
  return value.startsWith(PREFIX);
}

/** Seals to `v1:<iv base64url>:<ciphertext+tag base64url>`. */
export function seal(key: Buffer, plaintext: Uint8Array | string, aad?: string): string {
  const bytes = typeof plaintext === 'string' ? Buffer.from(plaintext, 'utf8') : plaintext;
  const { iv, ciphertext, tag } = gcmEncrypt(key, bytes, aad);
  return `${PREFIX}${iv.toString('base64url')}:${Buffer.concat([ciphertext, tag]).toString('base64url')}`;
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/** Opens a value made by seal(); throws SecretBoxError on any mismatch. */
export function open(key: Buffer, sealed: string, aad?: string): Buffer {
  const parts = sealed.split(':');
  if (parts.length !== 3 || `${parts[0]}:` !== PREFIX) throw new SecretBoxError('unknown sealed format');
  const [, ivText = '', body = ''] = parts;
  if (!B64URL.test(ivText) || !B64URL.test(body)) throw new SecretBoxError('malformed sealed value');
  const iv = Buffer.from(ivText, 'base64url');
  const all = Buffer.from(body, 'base64url');
  if (all.length < TAG_BYTES) throw new SecretBoxError('malformed sealed value');
  return gcmDecrypt(
    key,
    { iv, ciphertext: all.subarray(0, all.length - TAG_BYTES), tag: all.subarray(all.length - TAG_BYTES) },
    aad,
  );
}
