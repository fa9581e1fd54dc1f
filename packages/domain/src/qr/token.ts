// Signing and offline verification of Phòng Dịch QR tokens (format: see envelope.ts / FORMAT.md).
import { toBase64url } from './base64url';
import { parseQrEnvelope, signingInputFor, type QrTokenType } from './envelope';
import { toQrVerifyKey, type QrSigningKey } from './keys';
import { encodePayload } from './payload';
import { ES256, subtle, type EcJwk, type WebCryptoKey } from './webcrypto';

const DEFAULT_MAX_CLOCK_SKEW_SECONDS = 300;

const ascii = (text: string) => new TextEncoder().encode(text);
const toSeconds = (d: Date) => Math.floor(d.getTime() / 1000);

export interface QrTokenClaims {
  type: QrTokenType;
  /** Opaque venue or person-token id (UUID or base64url of 4–16 bytes; see newQrId()). */
  id: string;
  /** Stored with one-second precision. */
  issuedAt: Date;
  expiresAt?: Date | null;
}

export async function signQrToken(claims: QrTokenClaims, key: QrSigningKey): Promise<string> {
  const payload = encodePayload({
    kid: key.kid,
    id: claims.id,
    issuedAt: toSeconds(claims.issuedAt),
    expiresAt: claims.expiresAt ? toSeconds(claims.expiresAt) : null,
  });
  const input = signingInputFor(claims.type, toBase64url(payload));
  const signature = new Uint8Array(await subtle().sign(ES256, key.privateKey, ascii(input)));
  return `${input}.${toBase64url(signature)}`;
}

export type QrVerifyFailure =
  'MALFORMED' | 'UNKNOWN_KEY' | 'BAD_SIGNATURE' | 'EXPIRED' | 'NOT_YET_VALID' | 'REVOKED';

export type QrVerifyResult =
  | { ok: true; type: QrTokenType; id: string; kid: string; issuedAt: Date; expiresAt: Date | null }
  | { ok: false; reason: QrVerifyFailure };

type MaybePromise<T> = T | Promise<T>;

export interface QrVerifyOptions {
  /** Published public keys by kid (rotation: keep old keys here until their tokens have expired). */
  keys: (kid: string) => MaybePromise<WebCryptoKey | EcJwk | undefined>;
  now: Date;
  isRevoked?: (type: QrTokenType, id: string) => MaybePromise<boolean>;
  /** Tolerance for scanner phones with a wrong clock; default 300 s. */
  maxClockSkewSeconds?: number;
}

/**
 * Checks, in order: structure, key, signature, validity window, revocation. Revocation is asked
 * last so the (possibly remote) list is only consulted for authentic, current tokens.
 */
export async function verifyQrToken(text: string, options: QrVerifyOptions): Promise<QrVerifyResult> {
  const envelope = parseQrEnvelope(text.trim());
  if (!envelope) return { ok: false, reason: 'MALFORMED' };
  const { type, payload } = envelope;

  const candidate = await options.keys(payload.kid);
  const key = candidate ? await toQrVerifyKey(candidate) : null;
  if (!key) return { ok: false, reason: 'UNKNOWN_KEY' };

  const valid = await subtle()
    .verify(ES256, key, envelope.signature, ascii(envelope.signingInput))
    .catch(() => false);
  if (!valid) return { ok: false, reason: 'BAD_SIGNATURE' };

  const skew = options.maxClockSkewSeconds ?? DEFAULT_MAX_CLOCK_SKEW_SECONDS;
  const now = options.now.getTime() / 1000;
  if (payload.issuedAt > now + skew) return { ok: false, reason: 'NOT_YET_VALID' };
  if (payload.expiresAt !== null && payload.expiresAt <= now - skew) return { ok: false, reason: 'EXPIRED' };

  if (options.isRevoked && (await options.isRevoked(type, payload.id)))
    return { ok: false, reason: 'REVOKED' };

  return {
    ok: true,
    type,
    id: payload.id,
    kid: payload.kid,
    issuedAt: new Date(payload.issuedAt * 1000),
    expiresAt: payload.expiresAt === null ? null : new Date(payload.expiresAt * 1000),
  };
}
