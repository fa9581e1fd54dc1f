import { baseOf, DB_BASE, type Db, type Queryable } from '../db/db';

const SECRET = Symbol('phongdich.keysSecret');
type Bound = { [SECRET]?: string };

/**
 * The database handle the application works through, carrying the secret that encrypts signing
 * keys at rest (and every transaction it opens carries it too). The secret comes from the
 * configuration where the app is wired: never read at module load, never set globally.
 */
export function withKeysSecret<D extends Db>(db: D, secret: string): D {
  return {
    ...db,
    [DB_BASE]: baseOf(db),
    [SECRET]: secret,
    transaction: <T>(fn: (tx: Queryable) => Promise<T>) =>
      db.transaction((tx) => fn(Object.assign(tx, { [SECRET]: secret }))),
  };
}

export function keysSecretOf(q: Queryable): string {
  const secret = (q as Bound)[SECRET];
  if (!secret) throw new Error('the keys secret is not bound to this database handle (withKeysSecret)');
  return secret;
}
