import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { prebuildPartitionIndexes } from '../core/db/prebuild-indexes';

/**
 * `npm run migrate:prebuild -- 0066_checkins_covering_indexes`: before upgrading a PostgreSQL server
 * with a large partitioned table, build the migration's indexes on each partition without blocking
 * writes (CREATE INDEX CONCURRENTLY); the migration then only attaches them. Run it while the old
 * version serves, then upgrade.
 */
const version = process.argv[2];
if (!version) {
  console.error(
    'usage: npm run migrate:prebuild -- <migration version, e.g. 0066_checkins_covering_indexes>',
  );
  process.exit(2);
}
const db = await openDatabase(loadConfig());
try {
  const built = await prebuildPartitionIndexes(db, version);
  for (const b of built) console.log(`built ${b.index} on ${b.partition}`);
  console.log(built.length ? `${built.length} indexes built` : 'nothing to build');
} finally {
  await db.close();
}
