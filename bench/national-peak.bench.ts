/**
 * A national morning peak, replayed against the server on PostgreSQL: citizens' poster check-ins (55 %),
 * venue staff scanning cards (20 %), health declarations (15 %) and phones back online syncing their queued
 * check-ins (10 %, `--batch` items a request), all at once, from `--workers` load-generator processes with
 * `--concurrency` requests in flight each, drawn from `--citizens` distinct signed-in citizens at
 * `--venues` venues. Reports throughput, p50/p95/p99 per endpoint and errors.
 * Then scale-out: the same load through a round-robin load balancer (bench/lib/balancer.ts, its own process)
 * in front of one server process, and in front of two, sharing nothing but the database. Rounds alternate
 * one and two servers (order swapped each round); the ratio printed is two ÷ one.
 * Reference: the one-server configuration (scale-out goal: two ÷ one > 1× when cores are free; on a
 * machine whose cores are all busy it cannot exceed 1×, and the header prints the load average).
 *
 *   BENCH_PG=throwaway npx tsx bench/national-peak.bench.ts [--rounds 3] [--seconds 15] [--workers 3]
 *       [--concurrency 16] [--citizens 10000] [--venues 3000] [--batch 20]
 *   DATABASE_URL=postgres://… npx tsx bench/national-peak.bench.ts      (a fresh database on that server)
 */
import { arg } from './lib/args';
import { benchTarget, openBenchDb } from './lib/bench-db';
import { seedPopulation } from './lib/population';
import { alternate, ratioLine } from './lib/rounds';
import { roundLines, startBalancer, startProduct, startWorkers, type LoadRound } from './lib/servers';

const rounds = arg('rounds', 3);
const seconds = arg('seconds', 15);
const workers = arg('workers', 3);
const concurrency = arg('concurrency', 16);
const citizens = arg('citizens', 10_000);
const venues = arg('venues', 3000);
const batch = arg('batch', 20);

const target = await benchTarget();
if (target.kind !== 'postgresql') {
  console.error('national-peak runs on PostgreSQL: set BENCH_PG=throwaway (or DATABASE_URL)');
  process.exit(2);
}
const seeded = await openBenchDb({ cleanup: false });
const t = performance.now();
const population = await seedPopulation(seeded.db, { citizens, venues });
console.log(`national morning peak on ${seeded.where}`);
console.log(
  `${citizens} citizens with sessions, ${venues} venues prepared in ${((performance.now() - t) / 1000).toFixed(1)} s; ` +
    `${workers} load processes × ${concurrency} in flight; rounds of ${seconds} s; sync batches of ${batch}`,
);
const counts = async () =>
  (
    await seeded.db.query<{ checkins: number; declarations: number }>(
      `select (select count(*)::int from checkins) as checkins, (select count(*)::int from declarations) as declarations`,
    )
  )[0]!;
const before = await counts();

const servers = [await startProduct({ dataDir: '' }), await startProduct({ dataDir: '' })];
const one = await startBalancer([servers[0]!.url]);
const two = await startBalancer(servers.map((s) => s.url));
// Workers send the Origin of whichever balancer they address; the server accepts its own Host.
const load = await startWorkers(workers, {
  population,
  origin: '',
  mix: [
    { kind: 'checkin', weight: 55 },
    { kind: 'scan', weight: 20 },
    { kind: 'declaration', weight: 15 },
    { kind: 'sync', weight: 10 },
  ],
  batchSize: batch,
});
try {
  await load.run('product', [one.url], Math.max(3, seconds / 2), concurrency);
  await load.run('product', [two.url], Math.max(3, seconds / 2), concurrency);
  const summary: { one: LoadRound[]; two: LoadRound[] } = { one: [], two: [] };
  const { ratios } = await alternate(
    rounds,
    () => load.run('product', [one.url], seconds, concurrency),
    () => load.run('product', [two.url], seconds, concurrency),
    (r) => r.perSecond,
    (round, a, b, ratio) => {
      summary.one.push(a);
      summary.two.push(b);
      console.log(`round ${round}: two ÷ one = ${ratio.toFixed(2)}×`);
      for (const l of roundLines('one server', a)) console.log(`  ${l}`);
      for (const l of roundLines('two servers', b)) console.log(`  ${l}`);
    },
  );
  const after = await counts();
  const errors = [...summary.one, ...summary.two].reduce((a, r) => a + r.failed, 0);
  console.log(
    `stored during the run: ${after.checkins - before.checkins} check-ins, ${after.declarations - before.declarations} declarations; ` +
      `${errors} requests answered with an error in all rounds`,
  );
  console.log(
    ratioLine('national-peak scale-out (two servers ÷ one, req/s)', ratios, '> 1× with free cores'),
  );
} finally {
  await load.stop();
  await one.stop();
  await two.stop();
  for (const s of servers) await s.stop();
  await seeded.db.close();
  target.cleanup();
}
