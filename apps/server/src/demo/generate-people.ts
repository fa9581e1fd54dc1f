import type { Db } from '../core/db/db';
import {
  insertPeople,
  loadCommunes,
  PersonGenerator,
  usedCccdSerials,
  type GeneratedPerson,
} from './generator';

export interface GenerateOptions {
  count: number;
  seed?: number;
  provinceCode?: string;
  batchSize?: number;
  /** Drop the secondary indexes during the load and rebuild them after: far faster for millions. */
  bulk?: boolean;
  onProgress?: (done: number) => void;
}

/** Secondary indexes of persons (all but the primary key), as their CREATE statements. */
async function secondaryIndexes(db: Db): Promise<{ name: string; def: string }[]> {
  return db.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where tablename = 'persons' and schemaname = current_schema() and indexname <> 'persons_pkey'`,
  );
}

/** Generates `count` people into the persons table in batches, each batch its own transaction. */
export async function generatePeople(
  db: Db,
  opts: GenerateOptions,
): Promise<{ inserted: number; ms: number }> {
  const started = performance.now();
  const offset = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  const used = offset > 0 ? await usedCccdSerials(db) : new Map<string, number>();
  const gen = new PersonGenerator(opts.seed ?? 2021, await loadCommunes(db, opts.provinceCode), offset, used);
  const batchSize = opts.batchSize ?? 5000;
  const dropped = opts.bulk ? await secondaryIndexes(db) : [];
  for (const ix of dropped) await db.exec(`drop index ${ix.name}`);
  let done = 0;
  while (done < opts.count) {
    const n = Math.min(batchSize, opts.count - done);
    const batch: GeneratedPerson[] = new Array(n);
    for (let i = 0; i < n; i++) batch[i] = gen.next();
    await db.transaction((tx) => insertPeople(tx, batch));
    done += n;
    opts.onProgress?.(done);
  }
  for (const ix of dropped) await db.exec(ix.def);
  if (dropped.length) await db.exec('analyze persons');
  return { inserted: done, ms: performance.now() - started };
}
