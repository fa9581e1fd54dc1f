import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { DB_BASE, baseOf, type Db, type Queryable } from '../db/db';
import { deriveKey } from '../crypto/secret-box';

/**
 * The audit trail's keys, all derived from the server secret and never stored in the database, so
 * someone who can write to the database (the application's own role can) cannot forge an entry,
 * re-chain entries after changing one, or sign a chain head.
 */
export interface AuditKeys {
  /** HMAC key of each entry's content, made by the application when it writes the entry. */
  entry: Buffer;
  /** HMAC key of the chain: each link binds the previous hash, position, id and content. */
  chain: Buffer;
  /** Ed25519 key that signs the chain heads published outside the database. */
  headsPrivate: KeyObject;
  headsPublic: KeyObject;
}

/** PKCS#8 DER prefix of an Ed25519 private key; the 32-byte seed follows. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function deriveAuditKeys(secret: string): AuditKeys {
  const seed = deriveKey(secret, 'phongdich:audit-heads:v1');
  const headsPrivate = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  });
  return {
    entry: deriveKey(secret, 'phongdich:audit-entry:v1'),
    chain: deriveKey(secret, 'phongdich:audit-chain:v1'),
    headsPrivate,
    headsPublic: createPublicKey(headsPrivate),
  };
}

const KEYS = Symbol('phongdich.auditKeys');
type Keyed = { [KEYS]?: AuditKeys };

/**
 * The database handle the application writes through, carrying its audit keys (and every
 * transaction it opens carries them too): `recordAudit(tx, …)` signs with them without each of its
 * callers handing a key along. Only a handle bound from the configuration can write audit entries.
 */
export function withAuditKeys<D extends Db>(db: D, keys: AuditKeys): D {
  return {
    ...db,
    [DB_BASE]: baseOf(db),
    [KEYS]: keys,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction((tx) => fn(Object.assign(tx, { [KEYS]: keys }))),
  };
}

export function auditKeysOf(q: Queryable): AuditKeys {
  const keys = (q as Keyed)[KEYS];
  if (!keys) throw new Error('audit keys are not bound to this database handle (withAuditKeys)');
  return keys;
}
