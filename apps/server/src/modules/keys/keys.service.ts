import { createHash, type webcrypto } from 'node:crypto';
import type { KeyPurpose, PublicKeyRecord as PublicKeyAnswer } from '@phongdich/contracts/keys';
import { fromBase64, readSignerCertificate } from '@phongdich/dcc';
import { qrKeyIdFor } from '@phongdich/domain';
import { baseOf, type Db, type Queryable } from '../../core/db/db';
import { LOCKS } from '../../core/db/locks';
import { systemActor } from '../../core/auth/actor';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { keysSecretOf } from '../../core/crypto/keys-secret';
import { documentSigner } from './dsc';
import { decryptPrivateKey, encryptPrivateKey, generateP256, importP256Private } from './key-crypto';
import { invalidateVerifierTrust } from './verifier-trust';

export type { KeyPurpose };

export interface SigningKey {
  kid: string;
  /** For DCC: the 8 raw kid bytes (the COSE header carries bytes; `kid` is their base64). */
  kidBytes: Uint8Array;
  privateKey: webcrypto.CryptoKey;
  publicKeyJwk: webcrypto.JsonWebKey;
}

/** A published key as /api/keys answers it, with its JWK typed for the verifiers in this server. */
export type PublicKeyRecord = Omit<PublicKeyAnswer, 'publicKeyJwk'> & { publicKeyJwk: webcrypto.JsonWebKey };

async function kidFor(purpose: KeyPurpose, spki: Uint8Array, jwk: webcrypto.JsonWebKey) {
  if (purpose === 'qr') {
    const kid = await qrKeyIdFor(jwk as Parameters<typeof qrKeyIdFor>[0]);
    return { kid, kidBytes: new TextEncoder().encode(kid) };
  }
  // DCC: the first 8 bytes of SHA-256 over the key (over the signer certificate once one exists).
  const kidBytes = new Uint8Array(createHash('sha256').update(spki).digest().subarray(0, 8));
  return { kid: Buffer.from(kidBytes).toString('base64'), kidBytes };
}

/**
 * `alongside` runs in the key's own transaction (the rotation's audit entry): both land or neither. A
 * DCC key gets its document-signer certificate in the same transaction, and its kid from it.
 */
async function createKey(
  db: Db,
  purpose: KeyPurpose,
  alongside?: (tx: Queryable, kid: string) => Promise<void>,
): Promise<void> {
  const { pkcs8, spki, jwk } = await generateP256();
  await db.transaction(async (tx) => {
    // Two rotations at once would both retire the same key and both insert an active one (the unique
    // index refuses the second: a 500). Rotations of a purpose take turns; each retires the key
    // active when it runs.
    await tx.query('select pg_advisory_xact_lock($1, $2)', [LOCKS.signingKeys, purpose === 'qr' ? 1 : 2]);
    const dsc = purpose === 'dcc' ? await documentSigner(tx, spki) : null;
    const kid = dsc ? dsc.kid : (await kidFor(purpose, spki, jwk)).kid;
    await tx.query(
      `update signing_keys set status = 'retired', retired_at = now(), changed_at = now()
       where purpose = $1 and status = 'active'`,
      [purpose],
    );
    await tx.query(
      `insert into signing_keys (kid, purpose, alg, public_jwk, public_spki, private_key_enc, certificate)
       values ($1, $2, 'ES256', $3, $4, $5, $6)`,
      [
        kid,
        purpose,
        JSON.stringify({ ...jwk, kid, alg: 'ES256', use: 'sig' }),
        Buffer.from(spki).toString('base64'),
        encryptPrivateKey(pkcs8, keysSecretOf(db)),
        dsc?.certificate ?? null,
      ],
    );
    if (alongside) await alongside(tx, kid);
  });
  if (purpose === 'dcc') invalidateVerifierTrust();
}

async function loadActive(db: Db, purpose: KeyPurpose): Promise<SigningKey> {
  const found = await readActive(db, purpose);
  if (found) return found;
  // Two servers may race here; the unique index lets one win and the other reads its key.
  await createKey(db, purpose).catch(() => undefined);
  return loadActive(db, purpose);
}

async function readActive(db: Queryable, purpose: KeyPurpose): Promise<SigningKey | null> {
  // First: without the secret no key can be made, and the retry in loadActive would never end.
  const secret = keysSecretOf(db);
  const row = (
    await db.query<{
      kid: string;
      public_jwk: webcrypto.JsonWebKey;
      public_spki: string;
      private_key_enc: string;
    }>(
      `select kid, public_jwk, public_spki, private_key_enc from signing_keys where purpose = $1 and status = 'active'`,
      [purpose],
    )
  )[0];
  if (!row) return null;
  // A DCC kid is stored as made: from the DSC, or (keys older than their certificates) from the key.
  const { kid, kidBytes } =
    purpose === 'dcc'
      ? { kid: row.kid, kidBytes: new Uint8Array(Buffer.from(row.kid, 'base64')) }
      : await kidFor(purpose, Buffer.from(row.public_spki, 'base64'), row.public_jwk);
  const privateKey = await importP256Private(decryptPrivateKey(row.private_key_enc, secret));
  return { kid, kidBytes, privateKey, publicKeyJwk: row.public_jwk };
}

/**
 * The key of each purpose and database this process has decrypted, with its kid. Another server may
 * rotate at any time, so every use first reads which kid is active (one row of a unique index) and
 * decrypts again only when it changed: a rotation anywhere is followed on the next signature.
 */
const cache = new Map<string, { kid: string; key: Promise<SigningKey> }>();

async function activeKid(q: Queryable, purpose: KeyPurpose): Promise<string | null> {
  const rows = await q.query<{ kid: string }>(
    `select kid from signing_keys where purpose = $1 and status = 'active'`,
    [purpose],
  );
  return rows[0]?.kid ?? null;
}

/** `kid` is the row's: what `activeKid` answers while this key stays active. */
function remember(key: string, kid: string, p: Promise<SigningKey>): Promise<SigningKey> {
  cache.set(key, { kid, key: p });
  p.catch(() => {
    if (cache.get(key)?.key === p) cache.delete(key);
  });
  return p;
}

async function decrypted(q: Queryable, purpose: KeyPurpose): Promise<SigningKey> {
  const found = await readActive(q, purpose);
  if (!found) throw new Error(`no active ${purpose} signing key yet`);
  return found;
}

/** The active signing key of a purpose, created on first use; decrypted once per database and kid. */
export async function signingKey(db: Db, purpose: KeyPurpose): Promise<SigningKey> {
  const key = `${purpose}:${dbId(db)}`;
  const kid = await activeKid(db, purpose);
  if (!kid) {
    await loadActive(db, purpose); // none yet: made here (two servers may race; one wins)
    return signingKey(db, purpose);
  }
  const cached = cache.get(key);
  if (cached?.kid === kid) return cached.key;
  return remember(key, kid, decrypted(db, purpose));
}

/**
 * The active key from inside a transaction already open (an event handler's): checked and read
 * through `tx`. Never made here — making one opens its own transaction, which on the embedded
 * database waits for this one — so a missing key fails the handler and the event is retried.
 */
export async function activeSigningKeyIn(db: Db, tx: Queryable, purpose: KeyPurpose): Promise<SigningKey> {
  const key = `${purpose}:${dbId(db)}`;
  const kid = await activeKid(tx, purpose);
  if (!kid) throw new Error(`no active ${purpose} signing key yet`);
  const cached = cache.get(key);
  if (cached?.kid === kid) return cached.key;
  return remember(key, kid, decrypted(tx, purpose)); // decrypted once per kid, not per event
}

const ids = new WeakMap<object, number>();
let nextId = 1;
function dbId(db: Db): number {
  const base = baseOf(db); // one cache per database, whichever wrapper of it is used
  let id = ids.get(base);
  if (!id) ids.set(base, (id = nextId++));
  return id;
}

/** Retires the active key and makes a new one; codes signed before still verify with the old key. */
export async function rotateSigningKey(
  db: Db,
  ctx: AuditContext,
  purpose: KeyPurpose,
): Promise<PublicKeyRecord> {
  authorize(ctx.actor, 'keys.manage');
  // The new key and its audit entry in one transaction: an unaudited rotation cannot happen.
  await createKey(db, purpose, (tx, kid) =>
    recordAudit(tx, ctx, { action: 'keys.rotate', details: { purpose, kid } }),
  );
  const active = (await publicKeys(db, purpose)).find((k) => k.status === 'active');
  if (!active) throw new Error('rotation left no active key');
  return active;
}

/**
 * How long before its document-signer certificate ends the DCC key is replaced: a certificate signed
 * on the last day runs a year (CERTIFICATE_VALIDITY_DAYS), and must still verify to its end while the
 * DSC is valid (a DSC outside its validity signs nothing valid), with a month to spare.
 */
export const DSC_RENEW_BEFORE_DAYS = 365 + 30;

/** What the renewal job (app.jobs `dcc-signer-renewal`) is recorded as in the audit log. */
const RENEWAL_MACHINE = systemActor('dcc-signer-renewal');

/**
 * The interval job's check (app.ts, one server at a time): when the active DCC key's DSC ends within
 * DSC_RENEW_BEFORE_DAYS of `now`, a new key and DSC take over; the old key stays in the trust list
 * (retired) so what it signed still verifies. A key older than its certificates (no DSC) is left
 * alone. True when it renewed.
 */
export async function renewExpiringSigner(db: Db, now = new Date()): Promise<boolean> {
  const row = (
    await db.query<{ kid: string; certificate: string | null }>(
      `select kid, certificate from signing_keys where purpose = 'dcc' and status = 'active'`,
    )
  )[0];
  if (!row?.certificate) return false; // none yet (made on first use), or no DSC to expire
  const { notAfter } = readSignerCertificate(fromBase64(row.certificate));
  if (notAfter.getTime() - now.getTime() > DSC_RENEW_BEFORE_DAYS * 864e5) return false;
  // The new key and its audit entry commit together: no renewal goes unrecorded.
  await createKey(db, 'dcc', (tx, kid) =>
    recordAudit(
      tx,
      { actor: RENEWAL_MACHINE },
      {
        action: 'keys.renew',
        details: { purpose: 'dcc', kid, retiredKid: row.kid, retiredNotAfter: notAfter.toISOString() },
      },
    ),
  );
  return true;
}

/** The published trust list: active and retired public keys. */
export async function publicKeys(q: Queryable, purpose: KeyPurpose): Promise<PublicKeyRecord[]> {
  const rows = await q.query<{
    kid: string;
    public_jwk: webcrypto.JsonWebKey;
    public_spki: string;
    certificate: string | null;
    status: 'active' | 'retired';
    created_at: Date;
  }>(
    `select kid, public_jwk, public_spki, certificate, status, created_at from signing_keys
     where purpose = $1 order by created_at desc`,
    [purpose],
  );
  return rows.map((r) => ({
    kid: r.kid,
    alg: 'ES256',
    publicKeyJwk: r.public_jwk,
    publicKeySpki: r.public_spki,
    certificate: r.certificate,
    status: r.status,
    createdAt: r.created_at.toISOString(),
  }));
}
