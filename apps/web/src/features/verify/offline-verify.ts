// Offline verification in the browser: the published DCC trust list and revocations, cached locally.
import {
  FAILURE_MESSAGES,
  certificateEntry,
  fromBase64,
  importPublicKey,
  verifyHcert,
  type TestEntry,
} from '@phongdich/dcc';
import type { TrustList, VerificationAnswer } from './types';

const STORAGE_KEY = 'phongdich.dcc.trust';
const RESULT_CODES: Record<string, string> = { '260415000': 'negative', '260373001': 'positive' };

export function cachedTrustList(): TrustList | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as TrustList) : null;
  } catch {
    return null;
  }
}

/** Refreshes the trust list when online; keeps the cached one when the network fails. */
export async function refreshTrustList(): Promise<TrustList | null> {
  try {
    const [keys, revocations] = await Promise.all([
      fetch('/api/keys/dcc').then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status))))),
      fetch('/api/keys/revocations').then((r) => (r.ok ? r.json() : { items: [] })),
    ]);
    const list: TrustList = {
      savedAt: new Date().toISOString(),
      keys: (keys as { keys: TrustList['keys'] }).keys.map((k) => ({
        kid: k.kid,
        publicKeySpki: k.publicKeySpki,
      })),
      revokedDcc: (revocations as { items: { type: string; id: string }[] }).items
        .filter((i) => i.type === 'DCC')
        .map((i) => i.id),
    };
    localStorage.setItem(STORAGE_KEY, JSON.stringify(list));
    return list;
  } catch {
    return cachedTrustList();
  }
}

export async function verifyOffline(hc1: string, trust: TrustList): Promise<VerificationAnswer> {
  const byKid = new Map(trust.keys.map((k) => [k.kid, k.publicKeySpki]));
  const revoked = new Set(trust.revokedDcc);
  const r = await verifyHcert(hc1.trim(), {
    keys: async (kid) => {
      const spki = byKid.get(kid);
      return spki ? importPublicKey(fromBase64(spki), 'ES256') : undefined;
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
    },
  };
}
