// QR signing keys: ECDSA P-256 on WebCrypto, with a short key id derived from the public key.
import { toBase64url } from './base64url';
import { P256, subtle, type EcJwk, type WebCryptoKey } from './webcrypto';

export interface QrSigningKey {
  kid: string;
  privateKey: WebCryptoKey;
}

export interface GeneratedQrSigningKey extends QrSigningKey {
  /** Publish this (e.g. in a JWKS) so scanners can verify offline; carries kid, alg and use. */
  publicKeyJwk: EcJwk & { kid: string };
}

/**
 * 8-character kid: the first 6 bytes of the RFC 7638 SHA-256 thumbprint of the public key.
 * Deterministic, so a published key can be checked against its id; collisions among the handful
 * of keys in use at a time are negligible (2^-48 per pair).
 */
export async function qrKeyIdFor(publicJwk: EcJwk): Promise<string> {
  if (publicJwk.kty !== 'EC' || publicJwk.crv !== 'P-256' || !publicJwk.x || !publicJwk.y) {
    throw new TypeError('QR keys must be EC P-256 JWKs');
  }
  const canonical = JSON.stringify({
    crv: publicJwk.crv,
    kty: publicJwk.kty,
    x: publicJwk.x,
    y: publicJwk.y,
  });
  const digest = await subtle().digest('SHA-256', new TextEncoder().encode(canonical));
  return toBase64url(new Uint8Array(digest).subarray(0, 6));
}

function publicJwkOf(jwk: EcJwk, kid: string): EcJwk & { kid: string } {
  return { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, kid, alg: 'ES256', use: 'sig' };
}

/**
 * New signing key. The private key is non-extractable unless asked: pass `extractable: true`
 * only when it must be exported for encrypted storage.
 */
export async function generateQrSigningKey(
  options: { extractable?: boolean } = {},
): Promise<GeneratedQrSigningKey> {
  const pair = await subtle().generateKey(P256, options.extractable ?? false, ['sign', 'verify']);
  const exported = await subtle().exportKey('jwk', pair.publicKey);
  const kid = await qrKeyIdFor(exported);
  return { kid, privateKey: pair.privateKey, publicKeyJwk: publicJwkOf(exported, kid) };
}

/** Loads a stored private JWK for signing; the kid is re-derived from its public part. */
export async function importQrSigningKey(privateJwk: EcJwk): Promise<QrSigningKey> {
  const privateKey = await subtle().importKey('jwk', privateJwk, P256, false, ['sign']);
  return { kid: await qrKeyIdFor(privateJwk), privateKey };
}

const imported = new WeakMap<EcJwk, Promise<WebCryptoKey | null>>();

// Duck-typed: `instanceof CryptoKey` is unreliable across realms and typings.
const isCryptoKey = (key: WebCryptoKey | EcJwk): key is WebCryptoKey => !('kty' in key) && 'algorithm' in key;

/** A verify-capable P-256 public key, or null when the value is not one. JWK imports are cached. */
export async function toQrVerifyKey(key: WebCryptoKey | EcJwk): Promise<WebCryptoKey | null> {
  if (isCryptoKey(key)) {
    const alg = key.algorithm as { name: string; namedCurve?: string };
    const usable = key.type === 'public' && key.usages.includes('verify');
    return usable && alg.name === 'ECDSA' && alg.namedCurve === 'P-256' ? key : null;
  }
  let pending = imported.get(key);
  if (!pending) {
    const { kty, crv, x, y } = key;
    pending = subtle()
      .importKey('jwk', { kty, crv, x, y }, P256, false, ['verify'])
      .catch(() => null);
    imported.set(key, pending);
  }
  return pending;
}
