import { loadConfig } from '../core/config';
import { openDatabase } from '../core/db/open';
import { migrate } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';
import { applyDeploymentStructure } from '../core/units/deployment';
import { systemActor } from '../core/auth/actor';
import { runMove, type MoveRun } from '../modules/geo';

/**
 * `npm run units:move [-- --batch 20000]`: moves every record from 2021 (pre2025) codes to 2025 codes
 * by the official mapping; records of split communes go to the review list. Resumable (run it again
 * after an interruption) and idempotent (a finished move finds nothing left). Needs the deployment on
 * the 2025 map (PHONGDICH_UNIT_STRUCTURE=2025 or unset on a new deployment).
 */
const args = process.argv.slice(2);
const batchArg = args.indexOf('--batch');
const batchSize = batchArg >= 0 ? Number(args[batchArg + 1]) : 20_000;
if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error('--batch must be a positive integer');

const config = loadConfig();
const db = await openDatabase(config);
// The command line is the system at work: its audit entries say so (role system, cli:units-move).
const actor = systemActor('units-move', 'cli:units-move');
const line = (run: MoveRun) =>
  Object.entries(run.progress)
    .map(([t, p]) => `${t} ${p.moved} moved, ${p.review} to review${p.done ? '' : '…'}`)
    .join(' · ');
try {
  await migrate(db);
  await loadReferenceData(db);
  await applyDeploymentStructure(db, config.unitStructure);
  const started = Date.now();
  const run = await runMove(
    db,
    { actor, ip: null, requestId: null },
    {
      batchSize,
      onProgress: (r) => {
        const ps = Object.values(r.progress);
        const moved = ps.reduce((n, p) => n + p.moved, 0);
        const review = ps.reduce((n, p) => n + p.review, 0);
        process.stdout.write(`\r${moved} moved, ${review} to review…`);
      },
    },
  );
  console.log(`\n${run.status} in ${((Date.now() - started) / 1000).toFixed(1)} s: ${line(run)}`);
} finally {
  await db.close();
}
