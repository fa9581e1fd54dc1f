/**
 * Durable HTTP check-ins under a realistic mix, measured from outside the server.
 * Product: the real server (`apps/server/src/main.ts`, its own process, default logging) answering a mix of
 * citizens' poster check-ins (70 %), health declarations (15 %) and venue staff scanning visitors' cards
 * (15 %), from `--citizens` distinct signed-in citizens (sessions) at `--venues` distinct venues, so
 * sessions, venue tokens and caches are as cold as a country makes them. Every request is audited as the
 * product does it.
 * Reference: a bare Fastify route in its own process doing the same durable work per request — one insert of
 * the same body into a real table, committed before it answers (bench/lib/reference-server.ts).
 * Load: `--workers` load-generator processes (bench/lib/load-worker.ts), never in the server's process,
 * each with `--concurrency` requests in flight (closed loop). Both targets warmed first; rounds alternate
 * reference and product (order swapped each round).
 * Goal (issue #11): product ÷ reference ≥ 0.6×, product p99 < 50 ms.
 *
 *   npx tsx bench/checkins-http.bench.ts [--rounds 5] [--seconds 10] [--workers 2] [--concurrency 16]
 *                                        [--citizens 5000] [--venues 2000]
 *   BENCH_PG=throwaway npx tsx bench/checkins-http.bench.ts      (PostgreSQL with fsync on)
 */
import { arg } from './lib/args';
import { benchTarget, openBenchDb } from './lib/bench-db';
import { seedPopulation } from './lib/population';
import { alternate, fmtSpread, ratioLine, spread } from './lib/rounds';
import { roundLines, startProduct, startReference, startWorkers } from './lib/servers';
import { runCheckinRetention } from '../apps/server/src/modules/checkins/retention';

const rounds = arg('rounds', 5);
const seconds = arg('seconds', 10);
const workers = arg('workers', 2);
const concurrency = arg('concurrency', 16);
const citizens = arg('citizens', 5000);
const venues = arg('venues', 2000);

const target = await benchTarget();
const seeded = await openBenchDb({ cleanup: false });
await runCheckinRetention(seeded.db, 30);
let t = performance.now();
const population = await seedPopulation(seeded.db, { citizens, venues });
console.log(`check-ins over HTTP on ${seeded.where}`);
console.log(
  `${citizens} citizens with sessions, ${venues} venues prepared in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
    `${workers} load processes × ${concurrency} in flight; rounds of ${seconds} s`,
);
await seeded.db.close(); // PGlite: one process per folder, and the server is the one that must own it.

const product = await startProduct({ dataDir: target.dataDir });
const reference = await startReference();
const load = await startWorkers(workers, {
  population,
  origin: product.url,
  mix: [
    { kind: 'checkin', weight: 70 },
    { kind: 'declaration', weight: 15 },
    { kind: 'scan', weight: 15 },
  ],
  batchSize: 0,
});
try {
  t = performance.now();
  await load.run('reference', [reference.url], Math.max(2, seconds / 2), concurrency);
  await load.run('product', [product.url], Math.max(2, seconds / 2), concurrency);
  const p99s: number[] = [];
  const { ratios } = await alternate(
    rounds,
    () => load.run('reference', [reference.url], seconds, concurrency),
    () => load.run('product', [product.url], seconds, concurrency),
    (r) => r.perSecond,
    (round, ref, prod, ratio) => {
      p99s.push(prod.p99);
      console.log(`round ${round}: ${ratio.toFixed(2)}×`);
      for (const l of roundLines('bare insert route', ref)) console.log(`  ${l}`);
      for (const l of roundLines('product', prod)) console.log(`  ${l}`);
    },
  );
  console.log(`product p99 over rounds: ${fmtSpread(spread(p99s), 1, ' ms')} (goal < 50 ms)`);
  console.log(ratioLine('checkins-http (product mix ÷ bare durable insert route, req/s)', ratios, '≥ 0.6×'));
} finally {
  await load.stop();
  await product.stop();
  await reference.stop();
  target.cleanup();
}
