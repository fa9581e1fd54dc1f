import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { COVID19_VN_CATALOGUE } from '@phongdich/domain';
import { readMigrations } from '../core/db/migrate';
import { adminUnitsDataVersion } from '../modules/geo';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Source files whose code decides what loadReferenceData writes (the loaders). */
const REFERENCE_SOURCES = [
  'core/db/reference-data.ts',
  'modules/geo/geo.loader.ts',
  'modules/geo/geo.data.ts',
  'modules/vaccination/vaccination.catalogue.ts',
];

let cached: string | undefined;

/**
 * What a template database is made of: the migrations, the reference data files and the code that
 * loads them. Any change gives a new key, so a template is never used for a schema it was not built
 * from (a change to a loader's code or the built-in catalogue rebuilds it, which costs seconds once).
 */
export function templateKey(): string {
  if (cached) return cached;
  const hash = createHash('sha256');
  for (const m of readMigrations()) hash.update(m.version).update(m.sql);
  for (const f of REFERENCE_SOURCES) hash.update(f).update(fs.readFileSync(path.join(SRC, f)));
  hash.update(adminUnitsDataVersion()).update(JSON.stringify(COVID19_VN_CATALOGUE));
  cached = hash.digest('hex').slice(0, 16);
  return cached;
}
