/**
 * The one database interface every repository uses. Two drivers implement it (PGlite embedded and
 * node-postgres on a server) with the same PostgreSQL SQL, so there is one code path.
 */
export type Param =
  string | number | boolean | null | Date | Uint8Array | unknown[] | Record<string, unknown>;

export interface Queryable {
  /** Run one parameterised statement ($1, $2…) and return its rows. */
  query<T = Record<string, unknown>>(sql: string, params?: readonly Param[]): Promise<T[]>;
  /** Run several statements with no parameters (migrations, DDL). */
  exec(sql: string): Promise<void>;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Run `fn` in one transaction: committed if it returns, rolled back if it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** Convenience: the first row or undefined. */
export async function one<T>(q: Queryable, sql: string, params?: readonly Param[]): Promise<T | undefined> {
  const rows = await q.query<T>(sql, params);
  return rows[0];
}

/**
 * Handles that wrap a database (e.g. with the audit keys bound) name the handle they wrap, so what is
 * remembered per database (signing keys, ensured partitions) is shared by every wrapper of it.
 */
export const DB_BASE = Symbol('phongdich.dbBase');
export function baseOf(db: object): object {
  return (db as { [DB_BASE]?: object })[DB_BASE] ?? db;
}
