import {
  FAILURE_MESSAGES,
  certificateEntry,
  verifyHcert,
  type FailureReason,
  type TestEntry,
} from '@phongdich/dcc';
import type { Db } from '../../core/db/db';
import { verifierTrust } from '../keys';
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
    /** The signer's country, and whether it is one of ours or an imported (foreign) signer. */
    country: string;
    signer: 'own' | 'imported';
  };
}

const VALID = { vi: 'Chứng nhận hợp lệ', en: 'Certificate is valid' };

/**
 * Offline-equivalent verification on the server: trust list = our DCC signers and the imported ones,
 * each limited to the types its certificate allows, plus our revocations — all held in memory
 * (keys/verifier-trust.ts), so a verification reads no table.
 */
export async function verifyCertificate(db: Db, hc1: string, now = new Date()): Promise<VerificationAnswer> {
  const trust = await verifierTrust(db);
  const result = await verifyHcert(hc1.trim(), {
    now,
    keys: (kid) => trust.key(kid),
    allowedTypes: (kid) => trust.entry(kid)?.allowedTypes,
    signerValidity: (kid) => {
      const e = trust.entry(kid);
      return e?.notBefore && e.notAfter ? { notBefore: e.notBefore, notAfter: e.notAfter } : undefined;
    },
    isRevoked: (uvci) => trust.isRevoked(uvci),
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
      country: trust.entry(result.kid)?.country ?? entry.entry.co,
      signer: trust.entry(result.kid)?.source ?? 'own',
    },
  };
}
