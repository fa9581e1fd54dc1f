import type { Db } from './db';
import { loadAdminUnits } from '../../modules/geo';
import { loadBuiltInCatalogues } from '../../modules/vaccination';

/**
 * Reference data every installation needs (administrative units, population), loaded after the
 * migrations at start and in every test database. Each loader is idempotent.
 */
type Loader = (db: Db) => Promise<unknown>;
const loaders: Loader[] = [loadAdminUnits, loadBuiltInCatalogues];

export async function loadReferenceData(db: Db): Promise<void> {
  for (const load of loaders) await load(db);
}
