// Signing algorithms, key import/generation and kid derivation, on WebCrypto only (Node 20 and browsers).
import { buf, fromBase64, toBase64 } from './bytes';
import { subtle, type WebCryptoKey } from './webcrypto';

export type DccAlg = 'ES256' | 'PS256';

/** COSE algorithm identifiers (RFC 9053 / RFC 8230). */
export const COSE_ALG: Record<DccAlg, number> = { ES256: -7, PS256: -37 };

export function algFromCose(id: unknown): DccAlg | undefined {
  if (id === COSE_ALG.ES256) return 'ES256';
  if (id === COSE_ALG.PS256) return 'PS256';
  return undefined;
}

const IMPORT_PARAMS = {
  ES256: { name: 'ECDSA', namedCurve: 'P-256' },
  PS256: { name: 'RSA-PSS', hash: 'SHA-256' },
} as const;

// COSE PS256 uses a salt as long as the hash (RFC 8230 §2); ES256 signatures are raw r||s, as WebCrypto.
const SIGN_PARAMS = {
  ES256: { name: 'ECDSA', hash: 'SHA-256' },
  PS256: { name: 'RSA-PSS', saltLength: 32 },
} as const;

export function keyMatchesAlg(key: WebCryptoKey, alg: DccAlg): boolean {
  return key.algorithm.name === IMPORT_PARAMS[alg].name;
}

export async function signBytes(alg: DccAlg, key: WebCryptoKey, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign(SIGN_PARAMS[alg], key, buf(data)));
}

/** False (never throws) for a wrong-size or otherwise unusable signature. */
export async function verifyBytes(
  alg: DccAlg,
  key: WebCryptoKey,
  signature: Uint8Array,
  data: Uint8Array,
): Promise<boolean> {
  if (!keyMatchesAlg(key, alg)) return false;
  if (alg === 'ES256' && signature.length !== 64) return false;
  try {
    return await subtle().verify(SIGN_PARAMS[alg], key, buf(signature), buf(data));
  } catch {
    return false;
  }
}

export async function importPublicKey(spki: Uint8Array, alg: DccAlg): Promise<WebCryptoKey> {
  return subtle().importKey('spki', buf(spki), IMPORT_PARAMS[alg], true, ['verify']);
}

/** The DCC kid: first 8 bytes of SHA-256 over the signer certificate (DER). */
export async function kidFromCertificate(der: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle().digest('SHA-256', buf(der))).slice(0, 8);
}

/** A trust-list entry a verifier can load without X.509 parsing. */
export interface TrustedKeyRecord {
  kid: string; // base64 of 8 bytes
  publicKeySpki: string; // base64 DER SubjectPublicKeyInfo
  alg: DccAlg;
}

export interface SigningKeyPair {
  privateKey: WebCryptoKey;
  publicKey: WebCryptoKey;
  kid: Uint8Array;
  record: TrustedKeyRecord;
}

/**
 * Generates an issuer key. Without a certificate there is nothing to hash for the kid, so the kid is the
 * first 8 bytes of SHA-256 over the SPKI; when a DSC certificate is issued later, use kidFromCertificate.
 */
export async function generateSigningKeyPair(
  alg: DccAlg = 'ES256',
  opts: { extractable?: boolean } = {},
): Promise<SigningKeyPair> {
  const params =
    alg === 'ES256'
      ? { name: 'ECDSA', namedCurve: 'P-256' }
      : { name: 'RSA-PSS', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) };
  const pair = (await subtle().generateKey(params, opts.extractable ?? false, ['sign', 'verify'])) as {
    privateKey: WebCryptoKey;
    publicKey: WebCryptoKey;
  };
  const spki = new Uint8Array(await subtle().exportKey('spki', pair.publicKey));
  const kid = await kidFromCertificate(spki);
  return {
    privateKey: pair.privateKey,
    publicKey: pair.publicKey,
    kid,
    record: { kid: toBase64(kid), publicKeySpki: toBase64(spki), alg },
  };
}

export async function importTrustedKey(record: TrustedKeyRecord): Promise<WebCryptoKey> {
  return importPublicKey(fromBase64(record.publicKeySpki), record.alg);
}
