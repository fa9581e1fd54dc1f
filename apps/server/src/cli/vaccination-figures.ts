import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { migrate } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';
import { applyDeploymentStructure } from '../core/units/deployment';
import { rebuildVaccinationFigures } from '../modules/vaccination';

/**
 * `npm run vaccination:figures`: recomputes the vaccination figures (coverage counts, who is due for a
 * next dose, the registry's population per commune) from the doses. The figures are kept up to date
 * by the dose handler; run this after a catalogue change, voided doses or a move of units, or to check
 * them. Safe to run while the server runs (each person is recomputed under their own lock).
 */
const config = loadConfig();
const db = await openDatabase(config);
try {
  await migrate(db);
  await loadReferenceData(db);
  await applyDeploymentStructure(db, config.unitStructure);
  const started = Date.now();
  const { people } = await rebuildVaccinationFigures(db);
  console.log(`${people} vaccinated people recounted in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  await db.close();
}
