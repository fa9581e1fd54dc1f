import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { migrate } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';

/** `npm run migrate`: apply pending migrations and reference data, then exit. */
const config = loadConfig();
const db = await openDatabase(config);
try {
  const applied = await migrate(db);
  await loadReferenceData(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
