// Offline verification in the browser: the published DCC trust list and revocations, cached locally.
import {
  FAILURE_MESSAGES,
  certificateEntry,
  fromBase64,
  importPublicKey,
  verifyHcert,
  type TestEntry,
} from '@phongdich/dcc';
import type { RevocationList } from '@phongdich/contracts/keys';
import type { VerifierTrustList } from '@phongdich/contracts/trust-list';
import type { TrustList, VerificationAnswer } from './types';

const STORAGE_KEY = 'phongdich.dcc.trust';
const RESULT_CODES: Record<string, string> = { '260415000': 'negative', '260373001': 'positive' };

export function cachedTrustList(): TrustList | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    // A list saved before the store kept the server's shape named its signers `keys`.
    const saved = JSON.parse(raw) as Partial<TrustList> & { keys?: TrustList['signers'] };
    const signers = saved.signers ?? saved.keys;
    if (!Array.isArray(signers) || !saved.savedAt) return null;
    return { savedAt: saved.savedAt, signers, revokedDcc: saved.revokedDcc ?? [] };
  } catch {
    return null;
  }
}

/** Refreshes the trust list when online; keeps the cached one when the network fails. */
export async function refreshTrustList(): Promise<TrustList | null> {
  try {
    const [trusted, revocations] = await Promise.all([
      fetch('/api/keys/dcc/signers').then((r) =>
        r.ok ? (r.json() as Promise<VerifierTrustList>) : Promise.reject(new Error(String(r.status))),
      ),
      fetch('/api/keys/revocations').then((r) =>
        r.ok ? (r.json() as Promise<RevocationList>) : { items: [], asOf: '' },
      ),
    ]);
    const list: TrustList = {
      savedAt: new Date().toISOString(),
      signers: trusted.signers,
      revokedDcc: revocations.items.filter((i) => i.type === 'DCC' && !i.reinstatedAt).map((i) => i.id),
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    return list;
  } catch {
    return cachedTrustList();
  }
}

export async function verifyOffline(hc1: string, trust: TrustList): Promise<VerificationAnswer> {
  const byKid = new Map(trust.signers.map((k) => [k.kid, k]));
  const revoked = new Set(trust.revokedDcc);
  const r = await verifyHcert(hc1.trim(), {
    keys: async (kid) => {
      const k = byKid.get(kid);
      return k ? importPublicKey(fromBase64(k.publicKeySpki), k.alg ?? 'ES256') : undefined;
    },
    // A signer's certificate may restrict the types it signs (e.g. test certificates only).
    allowedTypes: (kid) => byKid.get(kid)?.allowedTypes,
    signerValidity: (kid) => {
      const k = byKid.get(kid);
      return k?.notBefore && k.notAfter
        ? { notBefore: new Date(k.notBefore), notAfter: new Date(k.notAfter) }
        : undefined;
    },
    isRevoked: (uvci) => revoked.has(uvci),
  });
  if (!r.valid) return { valid: false, reason: r.reason, message: FAILURE_MESSAGES[r.reason] };
  const entry = certificateEntry(r.payload)!;
  const t = entry.type === 't' ? (entry.entry as TestEntry) : undefined;
  return {
    valid: true,
    message: { vi: 'Chứng nhận hợp lệ', en: 'Certificate is valid' },
    certificate: {
      name: [r.payload.nam.fn, r.payload.nam.gn].filter(Boolean).join(' '),
      dob: r.payload.dob,
      type: ({ t: 'test', v: 'vaccination', r: 'recovery' } as const)[entry.type],
      ...(t && RESULT_CODES[t.tr] ? { result: RESULT_CODES[t.tr] } : {}),
      date: t?.sc ?? r.issuedAt.toISOString(),
      issuer: entry.entry.is,
      uvci: entry.entry.ci,
      country: byKid.get(r.kid)?.country ?? entry.entry.co,
      signer: byKid.get(r.kid)?.source ?? 'own',
    },
  };
}
