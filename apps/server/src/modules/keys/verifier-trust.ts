import {
  fromBase64,
  importPublicKey,
  readSignerCertificate,
  type CertificateType,
  type DccAlg,
  type WebCryptoKey,
} from '@phongdich/dcc';
import { baseOf, type Db, type Queryable } from '../../core/db/db';

/**
 * What the verify path trusts, held in memory per database: our DCC signers and the imported ones (with
 * their keys imported once, as CryptoKeys), and the DCC revocation list. A verification then touches
 * no table. It stays current three ways:
 * - in-process changes (rotation, trust-list import or removal, a revocation) mark it stale, so the next
 *   verification re-reads; a revocation also keeps the revocation feed watched for a while (re-read at
 *   most every WATCH_EVERY_MS, not on every call), since the revoking transaction may commit after the
 *   next verification re-read;
 * - an interval job (app.jobs, `refreshVerifierTrust`, every VERIFIER_TRUST_POLL_MS = 1 s) polls the
 *   change feeds — a version of each trust table (max changed_at, count) and the revocations changed
 *   since the last cursor, two small indexed reads — so a revocation or a trust-list change made by
 *   another server is refused here within one poll (1 s plus the poll's own read);
 * - a full reload every FULL_RELOAD_MS covers anything a feed's cursor could miss.
 */
export interface TrustEntry {
  kid: string;
  alg: DccAlg;
  spki: string;
  allowedTypes: CertificateType[];
  country: string;
  source: 'own' | 'imported';
  /** The DSC's validity period; absent for an own key older than its certificates (no DSC). */
  notBefore?: Date;
  notAfter?: Date;
  key?: Promise<WebCryptoKey>;
}

interface State {
  trust: Map<string, TrustEntry>;
  trustVersion: string;
  revoked: Set<string>;
  /** Database time of the newest revocation change seen. */
  cursor: Date | null;
  loadedAt: number;
  /** When the feeds were last read (Date.now()). */
  readAt: number;
  epoch: number;
  refreshing: Promise<void> | null;
}

const FULL_RELOAD_MS = 10 * 60_000;
/** How often each server polls the change feeds: the bound on seeing another server's change. */
export const VERIFIER_TRUST_POLL_MS = 1000;
/** How long after an in-process revocation verifications re-read the revocation feed… */
const WATCH_AFTER_REVOCATION_MS = 10_000;
/** …at most this often (a busy revoking server would otherwise read the feed on every verification). */
const WATCH_EVERY_MS = 100;
/** A transaction's changed_at is its start; one that commits later than this after starting is caught by the full reload. */
const CURSOR_OVERLAP = '2 minutes';

const states = new WeakMap<object, State>();
let epoch = 0;
let lastRevocationAt = 0;

/** Trust changed in this process (rotation, import, removal): the next verification re-reads. */
export function invalidateVerifierTrust(): void {
  epoch++;
}

/** A revocation was written in this process (maybe not yet committed): watch the feed for a while. */
export function noteRevocation(): void {
  lastRevocationAt = Date.now();
  epoch++;
}

async function trustVersion(q: Queryable): Promise<string> {
  const rows = await q.query<{ v: string }>(
    `select (select coalesce(max(changed_at)::text, '') || '#' || count(*) from signing_keys where purpose = 'dcc')
       || '/' || (select coalesce(max(changed_at)::text, '') || '#' || count(*) from dcc_trusted_signers) as v`,
  );
  return rows[0]!.v;
}

async function loadTrust(q: Queryable): Promise<Map<string, TrustEntry>> {
  const trust = new Map<string, TrustEntry>();
  const imported = await q.query<{
    kid: string;
    alg: DccAlg;
    certificate: string;
    allowed_types: CertificateType[];
    country: string;
  }>(
    `select kid, alg, certificate, allowed_types, country from dcc_trusted_signers
     where removed_at is null order by imported_at`,
  );
  for (const r of imported) {
    const { spki, notBefore, notAfter } = readSignerCertificate(fromBase64(r.certificate));
    trust.set(r.kid, {
      notBefore,
      notAfter,
      kid: r.kid,
      alg: r.alg,
      spki: Buffer.from(spki).toString('base64'),
      allowedTypes: r.allowed_types,
      country: r.country,
      source: 'imported',
    });
  }
  // Our own signers win a kid collision with an imported one.
  const own = await q.query<{ kid: string; public_spki: string; certificate: string | null }>(
    `select kid, public_spki, certificate from signing_keys where purpose = 'dcc'`,
  );
  for (const r of own) {
    const dsc = r.certificate ? readSignerCertificate(fromBase64(r.certificate)) : null;
    trust.set(r.kid, {
      kid: r.kid,
      alg: 'ES256',
      spki: r.public_spki,
      allowedTypes: dsc ? dsc.allowedTypes : ['v', 't', 'r'],
      ...(dsc && { notBefore: dsc.notBefore, notAfter: dsc.notAfter }),
      country: 'VN',
      source: 'own',
    });
  }
  return trust;
}

async function revocationChanges(q: Queryable, since: Date | null) {
  return q.query<{ id: string; reinstated: boolean; changed_at: Date }>(
    since
      ? `select id, reinstated_at is not null as reinstated, changed_at from revocations
         where type = 'DCC' and changed_at > $1::timestamptz - interval '${CURSOR_OVERLAP}' order by changed_at`
      : `select id, false as reinstated, changed_at from revocations
         where type = 'DCC' and reinstated_at is null order by changed_at`,
    since ? [since] : [],
  );
}

function applyRevocations(state: State, rows: { id: string; reinstated: boolean; changed_at: Date }[]) {
  for (const r of rows) {
    if (r.reinstated) state.revoked.delete(r.id);
    else state.revoked.add(r.id);
    if (!state.cursor || r.changed_at > state.cursor) state.cursor = r.changed_at;
  }
}

async function fullLoad(q: Queryable): Promise<State> {
  const version = await trustVersion(q);
  const state: State = {
    trust: await loadTrust(q),
    trustVersion: version,
    revoked: new Set(),
    cursor: null,
    loadedAt: Date.now(),
    readAt: Date.now(),
    epoch,
    refreshing: null,
  };
  applyRevocations(state, await revocationChanges(q, null));
  return state;
}

/** Re-reads what changed: the trust list when its version moved, the revocations since the cursor. */
async function refresh(q: Queryable, state: State): Promise<void> {
  const seenEpoch = epoch;
  const version = await trustVersion(q);
  if (version !== state.trustVersion) {
    const trust = await loadTrust(q);
    // Keys already imported stay imported (same kid and key bytes).
    for (const [kid, entry] of trust) {
      const old = state.trust.get(kid);
      if (old?.key && old.spki === entry.spki && old.alg === entry.alg) entry.key = old.key;
    }
    state.trust = trust;
    state.trustVersion = version;
  }
  applyRevocations(state, await revocationChanges(q, state.cursor));
  state.epoch = seenEpoch;
  state.readAt = Date.now();
}

async function stateFor(db: Db): Promise<State> {
  const base = baseOf(db);
  let state = states.get(base);
  if (!state || Date.now() - state.loadedAt > FULL_RELOAD_MS) {
    state = await fullLoad(db);
    states.set(base, state);
    return state;
  }
  const now = Date.now();
  const watching = now - lastRevocationAt < WATCH_AFTER_REVOCATION_MS && now - state.readAt >= WATCH_EVERY_MS;
  if (state.epoch !== epoch || watching) {
    const s = state;
    s.refreshing ??= refresh(db, s).finally(() => (s.refreshing = null));
    await s.refreshing;
  }
  return state;
}

/** The interval job's work: poll the change feeds of the database's in-memory trust, if it has one. */
export async function refreshVerifierTrust(db: Db): Promise<void> {
  const state = states.get(baseOf(db));
  if (!state) return;
  state.refreshing ??= refresh(db, state).finally(() => (state.refreshing = null));
  await state.refreshing;
}

export interface VerifierTrust {
  key(kid: string): Promise<WebCryptoKey> | undefined;
  entry(kid: string): TrustEntry | undefined;
  isRevoked(uvci: string): boolean;
}

/** The trust a verification uses (kept current as described above). */
export async function verifierTrust(db: Db): Promise<VerifierTrust> {
  const state = await stateFor(db);
  return {
    entry: (kid) => state.trust.get(kid),
    key: (kid) => {
      const e = state.trust.get(kid);
      if (!e) return undefined;
      if (!e.key) {
        const key = importPublicKey(fromBase64(e.spki), e.alg);
        key.catch(() => (e.key = undefined));
        e.key = key;
      }
      return e.key;
    },
    isRevoked: (uvci) => state.revoked.has(uvci),
  };
}

/** Every signer a verifier trusts, for offline scanners (public information). */
export async function trustedSignersList(db: Db): Promise<TrustEntry[]> {
  const state = await stateFor(db);
  return [...state.trust.values()];
}
