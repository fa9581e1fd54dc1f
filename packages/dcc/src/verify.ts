// Offline verification: decode, trust-list lookup by kid, COSE signature, validity period, schema, revocation.
import { sigStructure } from './cose';
import { HcertError, type FailureReason } from './errors';
import { decodeHcert, type DecodedHcert } from './hcert';
import { verifyBytes } from './keys';
import type { WebCryptoKey } from './webcrypto';
import { certificateEntry, type CertificateType, type DccPayload } from './payload';
import { validateDccSchema } from './schema';

/** Trust-list lookup: kid as base64 (convenient map key) and as bytes. */
export type KeyLookup = (
  kidBase64: string,
  kid: Uint8Array,
) => WebCryptoKey | undefined | Promise<WebCryptoKey | undefined>;

export interface VerifyOptions {
  keys: KeyLookup;
  now?: Date;
  /** Called with the certificate identifier (UVCI, `ci`) of the single entry. */
  isRevoked?: (uvci: string) => boolean | Promise<boolean>;
  /** Types the signer may issue (see certificateAllowedTypes); a mismatch is reported as KEY_USAGE. */
  allowedTypes?: (kidBase64: string) => CertificateType[] | undefined;
  /**
   * The validity period of the signer's document-signer certificate, when the trust list has one: a
   * DSC outside it signs nothing valid (SIGNER_EXPIRED), however long the certificate itself runs.
   */
  signerValidity?: (kidBase64: string) => { notBefore: Date; notAfter: Date } | undefined;
}

export type VerifyResult =
  | {
      valid: true;
      payload: DccPayload;
      issuer: string | undefined;
      issuedAt: Date;
      expiresAt: Date;
      kid: string;
    }
  | { valid: false; reason: FailureReason; detail?: string };

/** Checks the COSE signature with the trusted key for the message's kid; throws HcertError. */
export async function verifySignature(decoded: DecodedHcert, keys: KeyLookup): Promise<void> {
  const { kid, kidBase64, alg } = decoded;
  if (!kid || !kidBase64) throw new HcertError('UNKNOWN_KEY', 'no kid in COSE headers');
  if (kid.length !== 8) throw new HcertError('UNKNOWN_KEY', `kid must be 8 bytes, got ${kid.length}`);
  if (alg !== 'ES256' && alg !== 'PS256')
    throw new HcertError('UNSUPPORTED_ALG', `COSE alg ${String(alg ?? 'missing')}`);
  const key = await keys(kidBase64, kid);
  if (!key) throw new HcertError('UNKNOWN_KEY', `kid ${kidBase64} not in trust list`);
  const { protectedBytes, payload, signature } = decoded.raw.sign1;
  const ok = await verifyBytes(alg, key, signature, sigStructure(protectedBytes, payload));
  if (!ok) throw new HcertError('BAD_SIGNATURE');
}

export function checkValidityPeriod(decoded: DecodedHcert, now: Date): void {
  if (now < decoded.issuedAt)
    throw new HcertError('NOT_YET_VALID', `issued at ${decoded.issuedAt.toISOString()}`);
  if (now > decoded.expiresAt)
    throw new HcertError('EXPIRED', `expired at ${decoded.expiresAt.toISOString()}`);
}

export async function verifyHcert(text: string, opts: VerifyOptions): Promise<VerifyResult> {
  try {
    const decoded = decodeHcert(text);
    await verifySignature(decoded, opts.keys);
    const now = opts.now ?? new Date();
    const signer = opts.signerValidity?.(decoded.kidBase64!);
    if (signer && (now < signer.notBefore || now > signer.notAfter))
      throw new HcertError(
        'SIGNER_EXPIRED',
        `signer valid ${signer.notBefore.toISOString()} to ${signer.notAfter.toISOString()}`,
      );
    checkValidityPeriod(decoded, now);
    const schema = validateDccSchema(decoded.payload);
    if (!schema.ok) throw new HcertError('SCHEMA_INVALID', schema.errors.join('; '));
    const entry = certificateEntry(decoded.payload);
    const allowed = opts.allowedTypes?.(decoded.kidBase64!);
    if (allowed && entry && !allowed.includes(entry.type))
      throw new HcertError('KEY_USAGE', `signer not allowed to issue type ${entry.type}`);
    const ci = entry?.entry.ci;
    if (ci && opts.isRevoked && (await opts.isRevoked(ci))) throw new HcertError('REVOKED');
    const { payload, issuer, issuedAt, expiresAt } = decoded;
    return { valid: true, payload, issuer, issuedAt, expiresAt, kid: decoded.kidBase64! };
  } catch (e) {
    if (e instanceof HcertError)
      return { valid: false, reason: e.reason, ...(e.detail && { detail: e.detail }) };
    return { valid: false, reason: 'MALFORMED', detail: (e as Error).message };
  }
}
