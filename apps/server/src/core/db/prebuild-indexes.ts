import type { Db } from './db';
import { listPartitions } from './partitions';
import { readMigrations } from './migrate';

/** `create index NAME on TABLE (…)…;` — one statement on one line, as 0066 writes them. */
const CREATE_INDEX = /^create index (\w+) on (\w+) (\(.+\));$/gim;

export interface PrebuiltIndex {
  partition: string;
  index: string;
}

/**
 * Builds, ahead of a migration that creates indexes on a partitioned table, the same index on each of
 * its partitions with CREATE INDEX CONCURRENTLY (no lock on writes while it builds; not possible inside
 * the migration's transaction). The migration's CREATE INDEX on the partitioned table then attaches
 * these equivalent indexes instead of building its own, so it holds its locks for catalogue time only.
 * PostgreSQL only (PGlite is one process: its migration simply builds). Nothing is done once the
 * migration is applied. An index a failed earlier run left invalid is dropped and built again.
 */
export async function prebuildPartitionIndexes(db: Db, version: string): Promise<PrebuiltIndex[]> {
  if (db.kind !== 'postgres') throw new Error('prebuilding indexes is for PostgreSQL servers');
  const migration = readMigrations().find((m) => m.version === version);
  if (!migration) throw new Error(`no migration ${version}`);
  const applied = await db.query('select 1 from schema_migrations where version = $1', [version]);
  if (applied.length) return [];
  const built: PrebuiltIndex[] = [];
  for (const [, name, table, rest] of migration.sql.matchAll(CREATE_INDEX)) {
    for (const part of await listPartitions(db, table!)) {
      const index = `${part.name}_${name}`.slice(0, 63);
      const [state] = await db.query<{ valid: boolean }>(
        `select i.indisvalid as valid from pg_class c join pg_index i on i.indexrelid = c.oid where c.relname = $1`,
        [index],
      );
      if (state?.valid) continue;
      if (state) await db.exec(`drop index concurrently ${index}`);
      await db.exec(`create index concurrently ${index} on ${part.name} ${rest!}`);
      built.push({ partition: part.name, index });
    }
  }
  return built;
}
