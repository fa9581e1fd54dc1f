// Published QR keys and revocations kept on the device, so our own signed codes (personal 'P',
// printed 'C') can be checked while offline before they are queued.
import { verifyQrToken, type EcJwk, type QrVerifyResult } from '@phongdich/domain';
import type { PublicKeyList, RevocationList } from '@phongdich/contracts/keys';
import { api } from '../api/client';

const KEYS = 'phongdich.qrKeys';
const REVOKED = 'phongdich.qrRevoked';

interface Trust {
  keys: Record<string, EcJwk>;
  revoked: string[];
  syncedAt: string | null;
}

function load(): Trust {
  try {
    const keys = JSON.parse(localStorage.getItem(KEYS) ?? '{}') as Record<string, EcJwk>;
    const r = JSON.parse(localStorage.getItem(REVOKED) ?? '{"ids":[],"at":null}') as {
      ids: string[];
      at: string | null;
    };
    return { keys, revoked: r.ids, syncedAt: r.at };
  } catch {
    return { keys: {}, revoked: [], syncedAt: null };
  }
}

/** Refreshes the trust list when online; failures keep the last copy. */
export async function refreshTrust(): Promise<void> {
  const current = load();
  try {
    const k = await api.get<PublicKeyList>('/api/keys/qr');
    localStorage.setItem(
      KEYS,
      JSON.stringify(Object.fromEntries(k.keys.map((x) => [x.kid, x.publicKeyJwk]))),
    );
    const r = await api.get<RevocationList>('/api/keys/revocations', {
      since: current.syncedAt ?? undefined,
    });
    const ids = new Set(current.revoked);
    for (const it of r.items) {
      // A lifted revocation (a reactivated point) leaves the device's list too.
      if (it.reinstatedAt) ids.delete(`${it.type}:${it.id}`);
      else ids.add(`${it.type}:${it.id}`);
    }
    const at = r.items.at(-1)?.changedAt ?? current.syncedAt;
    localStorage.setItem(REVOKED, JSON.stringify({ ids: [...ids], at }));
  } catch {
    // offline: keep what we have
  }
}

/** Offline check of a Phòng Dịch code with the cached keys; null when no key is cached yet. */
export async function verifyOffline(code: string): Promise<QrVerifyResult | null> {
  const t = load();
  if (Object.keys(t.keys).length === 0) return null;
  const revoked = new Set(t.revoked);
  return verifyQrToken(code, {
    keys: (kid) => t.keys[kid],
    now: new Date(),
    isRevoked: (type, id) => revoked.has(`${type}:${id}`),
  });
}
