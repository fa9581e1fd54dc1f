import { verifyQrToken, type EcJwk } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { TtlCache } from '../../core/cache/cache';
import { publicKeys, isRevoked } from '../keys';

const KEYS_TTL_MS = 60_000;
const REVOKED_TTL_MS = 2_000;
/** verifyQrToken's default tolerance for a wrong scanner clock. */
const SKEW_MS = 300_000;

/**
 * Verifies venue QR tokens with the published QR keys. The key list is cached for a minute and
 * re-read at once when a token names a kid not in it (a key rotated on another server).
 */
export function venueTokenVerifier(q: Queryable) {
  let cache: { at: number; keys: Map<string, EcJwk> } | null = null;

  async function load(): Promise<Map<string, EcJwk>> {
    const list = await publicKeys(q, 'qr');
    cache = { at: Date.now(), keys: new Map(list.map((k) => [k.kid, k.publicKeyJwk as EcJwk])) };
    return cache.keys;
  }

  async function keyFor(kid: string): Promise<EcJwk | undefined> {
    let keys = cache && Date.now() - cache.at < KEYS_TTL_MS ? cache.keys : await load();
    if (!keys.has(kid) && cache && Date.now() - cache.at > 1000) keys = await load();
    return keys.get(kid);
  }

  // A poster is scanned many times a minute: "not revoked" is remembered for REVOKED_TTL_MS, so a
  // revocation takes effect within that time; "revoked" is final and never needs re-asking.
  const notRevoked = new TtlCache<string, true>({ max: 100_000, ttlMs: REVOKED_TTL_MS });
  // One question under way per code: scans arriving while it is asked share its answer.
  const asking = new Map<string, Promise<boolean>>();
  async function revoked(type: string, id: string): Promise<boolean> {
    const key = `${type}:${id}`;
    if (notRevoked.get(key)) return false;
    let ask = asking.get(key);
    if (!ask) {
      ask = isRevoked(q, type, id)
        .then((yes) => {
          if (yes) notRevoked.delete(key);
          else notRevoked.set(key, true);
          return yes;
        })
        .finally(() => asking.delete(key));
      asking.set(key, ask);
    }
    return ask;
  }

  // The same poster text always has the same signature verdict, so authentic venue tokens are
  // remembered (ECDSA verification is the costliest step of a check-in); the validity window and
  // revocation are still checked on every scan.
  const authentic = new TtlCache<string, { id: string; issuedAt: Date; expiresAt: Date | null }>({
    max: 50_000,
    ttlMs: 0,
  });

  /** The venue id in an authentic, current, unrevoked venue token; else a 422 with the reason. */
  return async function verifyVenueToken(token: string, now = new Date()): Promise<string> {
    const known = authentic.get(token);
    if (known) {
      const t = now.getTime();
      if (known.issuedAt.getTime() > t + SKEW_MS) throw new AppError('QR_EXPIRED');
      if (known.expiresAt && known.expiresAt.getTime() <= t - SKEW_MS) throw new AppError('QR_EXPIRED');
      if (await revoked('V', known.id)) throw new AppError('QR_REVOKED');
      return known.id;
    }
    const res = await verifyQrToken(token, { keys: keyFor, now, isRevoked: revoked });
    if (!res.ok) {
      if (res.reason === 'EXPIRED' || res.reason === 'NOT_YET_VALID') throw new AppError('QR_EXPIRED');
      if (res.reason === 'REVOKED') throw new AppError('QR_REVOKED');
      throw new AppError('QR_FORGED', undefined, `venue token ${res.reason}`);
    }
    if (res.type !== 'V') throw new AppError('QR_FORGED', undefined, 'not a venue token');
    authentic.set(token, { id: res.id, issuedAt: res.issuedAt, expiresAt: res.expiresAt });
    return res.id;
  };
}
export type VerifyVenueToken = ReturnType<typeof venueTokenVerifier>;
