/**
 * Generates people up to a target count in the benchmark database (DATABASE_URL, or PGlite in
 * BENCH_DATA_DIR), for the same-run comparisons in bench/perf.
 *
 *   DATABASE_URL=postgres://…/perf_people npx tsx bench/perf/gen-people.ts 1000000
 */
import { openBenchDb } from '../lib/bench-db';
import { generatePeople } from '../../apps/server/src/demo/generate-people';

const target = Number(process.argv[2] ?? 1_000_000);
// reuse: the people stay in the DATABASE_URL database (a fresh one would be dropped at exit).
const { db, where } = await openBenchDb({ reuse: true });
try {
  const have = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  if (have < target) {
    const t = performance.now();
    await generatePeople(db, {
      count: target - have,
      bulk: true,
      onProgress: (d) => d % 100_000 === 0 && process.stdout.write(`\rgenerated ${d.toLocaleString('en')}`),
    });
    console.log(`\n${where}: ${target - have} people in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  }
  await db.exec('vacuum analyze');
} finally {
  await db.close();
}
