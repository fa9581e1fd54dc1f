import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../../apps/server/src/core/db/db';
import { openDatabase } from '../../apps/server/src/core/db/open';
import { migrate } from '../../apps/server/src/core/db/migrate';
import { loadReferenceData } from '../../apps/server/src/core/db/reference-data';
import { loadConfig } from '../../apps/server/src/core/config';

/**
 * The database a benchmark runs on: DATABASE_URL if set, else an embedded PGlite in BENCH_DATA_DIR
 * (kept between runs so large generated data sets are reused) or a fresh temp folder.
 */
export async function openBenchDb(): Promise<{ db: Db; where: string }> {
  const dataDir = process.env.BENCH_DATA_DIR ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
  const db = await openDatabase({
    databaseUrl: process.env.DATABASE_URL || undefined,
    dataDir,
    auditSecret: loadConfig().auditSecret,
  });
  await migrate(db);
  await loadReferenceData(db);
  return { db, where: process.env.DATABASE_URL ? 'postgresql' : `pglite ${dataDir}` };
}
