import {
  FAILURE_MESSAGES,
  certificateEntry,
  fromBase64,
  importPublicKey,
  verifyHcert,
  type FailureReason,
  type TestEntry,
  type WebCryptoKey,
} from '@phongdich/dcc';
import type { Queryable } from '../../core/db/db';
import { publicKeys, isRevoked } from '../keys';
import { TEST_RESULT_CODES } from './certificates.payload';

export interface VerificationAnswer {
  valid: boolean;
  reason?: FailureReason;
  message: { vi: string; en: string };
  certificate?: {
    name: string;
    dob: string;
    type: 'test' | 'vaccination' | 'recovery';
    result?: 'positive' | 'negative';
    date: string;
    issuer: string;
    uvci: string;
  };
}

const VALID = { vi: 'Chứng nhận hợp lệ', en: 'Certificate is valid' };
/** Imported public keys by kid; the trust list itself is re-read each time (rotation, no staleness). */
const imported = new Map<string, Promise<WebCryptoKey>>();

/** Offline-equivalent verification on the server: trust list = the published DCC keys, plus revocations. */
export async function verifyCertificate(
  q: Queryable,
  hc1: string,
  now = new Date(),
): Promise<VerificationAnswer> {
  const trust = new Map((await publicKeys(q, 'dcc')).map((k) => [k.kid, k.publicKeySpki]));
  const result = await verifyHcert(hc1.trim(), {
    now,
    keys: (kid) => {
      const spki = trust.get(kid);
      if (!spki) return undefined;
      let key = imported.get(spki);
      if (!key) imported.set(spki, (key = importPublicKey(fromBase64(spki), 'ES256')));
      return key;
    },
    isRevoked: (uvci) => isRevoked(q, 'DCC', uvci),
  });
  if (!result.valid) return { valid: false, reason: result.reason, message: FAILURE_MESSAGES[result.reason] };
  const p = result.payload;
  const entry = certificateEntry(p)!;
  const type = ({ t: 'test', v: 'vaccination', r: 'recovery' } as const)[entry.type];
  const t = entry.type === 't' ? (entry.entry as TestEntry) : undefined;
  const result_ =
    t?.tr === TEST_RESULT_CODES.positive
      ? 'positive'
      : t?.tr === TEST_RESULT_CODES.negative
        ? 'negative'
        : undefined;
  return {
    valid: true,
    message: VALID,
    certificate: {
      name:
        [p.nam.fn, p.nam.gn].filter(Boolean).join(' ') || [p.nam.fnt, p.nam.gnt].filter(Boolean).join(' '),
      dob: p.dob,
      type,
      ...(result_ && { result: result_ }),
      date: t?.sc ?? result.issuedAt.toISOString(),
      issuer: entry.entry.is,
      uvci: entry.entry.ci,
    },
  };
}
