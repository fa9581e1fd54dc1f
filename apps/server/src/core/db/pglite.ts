import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { Db, Param, Queryable } from './db';
import { DurableNodeFS, durableStartParams, flushDataDirOnce } from './pglite-durable-fs';
import { typeParsers } from './type-parsers';

interface PgliteLike {
  query<T>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
  exec(sql: string): Promise<unknown>;
}

function wrap(conn: PgliteLike): Queryable {
  return {
    async query<T>(sql: string, params?: readonly Param[]) {
      const res = await conn.query<T>(sql, params ? [...params] : undefined);
      return res.rows;
    },
    async exec(sql: string) {
      await conn.exec(sql);
    },
  };
}

/**
 * Embedded PostgreSQL (WebAssembly). `dataDir` undefined means in memory (tests). On disk, every
 * commit is flushed to stable storage before its promise resolves (see pglite-durable-fs.ts).
 */
export async function openPglite(dataDir?: string, loadDataDir?: Blob): Promise<Db> {
  const pg = await PGlite.create({
    ...(dataDir ? { fs: new DurableNodeFS(dataDir), startParams: durableStartParams() } : {}),
    extensions: { pg_trgm },
    parsers: typeParsers,
    ...(loadDataDir ? { loadDataDir } : {}),
  });
  if (dataDir) flushDataDirOnce(dataDir);
  const base = wrap(pg);
  return {
    kind: 'pglite',
    ...base,
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    dump: () => dumpCompact(pg),
  } as Db & { dump(): Promise<Blob> };
}

const PGDATA = '/pglite/data';

/**
 * The data folder as a tarball that starts fast: a checkpoint first, so a copy opened from it has no
 * WAL to replay, and without the WAL segments the checkpoint recycled for later use (16 MB each, a
 * third of the tarball), which PostgreSQL makes again when it needs them.
 */
async function dumpCompact(pg: PGlite): Promise<Blob> {
  await pg.exec('checkpoint');
  const [current] = await pg
    .query<{ name: string }>('select pg_walfile_name(pg_current_wal_lsn()) as name')
    .then((r) => r.rows);
  const fs = pg.Module.FS;
  const walDir = `${PGDATA}/pg_wal`;
  if (current && fs.analyzePath(walDir).exists)
    for (const name of fs.readdir(walDir))
      if (/^[0-9A-F]{24}$/.test(name) && name > current.name) fs.unlink(`${walDir}/${name}`);
  return pg.dumpDataDir('none');
}
