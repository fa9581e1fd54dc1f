/**
 * Sampler links per second: a sampler scans a person and a tube, and the link is recorded
 * (`POST /api/testing/samples` through the whole Fastify app with inject(): validation, session and
 * tube checks, pooling rules, audit), one link after another, pools of 5 people per tube.
 * Reference: a durable single-row insert of the same link (id, barcode, person, time) into a real table
 * with a primary key and a foreign key to persons (created for the run, dropped afterwards), one
 * transaction each, same process.
 * Both warmed first; rounds alternate reference and product. Then, once, 8 samplers in flight.
 * Goal: none set in issue #11 (figures only).
 *
 *   npx tsx bench/sampling-links.bench.ts [--links 500] [--rounds 3]
 *   BENCH_PG=throwaway npx tsx bench/sampling-links.bench.ts      (PostgreSQL with fsync on)
 */
import { randomUUID } from 'node:crypto';
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { alternate, ratioLine } from './lib/rounds';
import { percentile } from './lib/stats';
import { buildTestApp } from '../apps/server/src/test-support/test-app';
import { signInAs } from '../apps/server/src/test-support/auth';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { createLabels, createSession } from '../apps/server/src/modules/sampling/sampling.fixtures';

const links = arg('links', 500);
const rounds = arg('rounds', 3);
const WARM = 50;
const PARALLEL = 8;

const { db, where, done } = await openBenchDb();
const app = await buildTestApp(db);
try {
  // Every person is linked once: warm-up, each product round, the 8-in-flight run.
  const needed = WARM + rounds * links + PARALLEL * Math.ceil(links / PARALLEL);
  await generatePeople(db, { count: needed, seed: 99, provinceCode: '01' });
  const people = (
    await db.query<{ id: string }>(`select id from persons where province_code = '01' limit $1`, [needed])
  ).map((r) => r.id);
  const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
  const sampler = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
  const session = await createSession(app, officer.headers, { poolSize: 5 });
  const barcodes: string[] = [];
  while (barcodes.length < needed / 5 + 4 * PARALLEL + rounds + 2)
    barcodes.push(...(await createLabels(app, officer.headers, 3000)).barcodes);
  let nextPerson = 0;
  let nextTube = 0;

  const post = async (personId: string, barcode: string) => {
    const t = performance.now();
    const res = await app.inject({
      method: 'POST',
      url: '/api/testing/samples',
      headers: sampler.headers,
      payload: {
        id: randomUUID(),
        sessionId: session.id,
        barcode,
        personId,
        sampleType: 'nasopharyngeal',
        collectedAt: new Date().toISOString(),
      },
    });
    if (res.statusCode !== 201 && res.statusCode !== 200) throw new Error(`${res.statusCode} ${res.body}`);
    return performance.now() - t;
  };
  /** `n` links one after another, 5 people to a tube (a new tube each round). */
  const sequential = async (n: number, latencies: number[] = []) => {
    const t0 = performance.now();
    const firstTube = nextTube;
    nextTube += Math.ceil(n / 5) + 1;
    for (let i = 0; i < n; i++)
      latencies.push(await post(people[nextPerson++]!, barcodes[firstTube + Math.floor(i / 5)]!));
    return n / ((performance.now() - t0) / 1000);
  };

  await db.exec('drop table if exists bench_links');
  await db.exec(
    `create table bench_links (id uuid primary key, barcode text not null, person_id uuid not null references persons (id),
       collected_at timestamptz not null)`,
  );
  let refPerson = 0;
  const raw = async (n: number) => {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const p = refPerson++ % people.length;
      await db.query('insert into bench_links values ($1, $2, $3, now())', [
        randomUUID(),
        barcodes[Math.floor(p / 5)]!,
        people[p]!,
      ]);
    }
    return n / ((performance.now() - t0) / 1000);
  };

  await sequential(WARM);
  await raw(WARM);
  console.log(`sampler links on ${where}: ${links} links a round, pools of 5`);
  const seqLatencies: number[] = [];
  const { ratios } = await alternate(
    rounds,
    () => raw(links),
    () => sequential(links, seqLatencies),
    (r) => r,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: sampler links ${prod.toFixed(0).padStart(6)} /s   raw durable insert ${ref.toFixed(0).padStart(6)} /s   ${ratio.toFixed(2)}×`,
      ),
  );
  // Eight samplers at once, each on their own tubes (informational, no reference).
  const par: number[] = [];
  const per = Math.ceil(links / PARALLEL);
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: PARALLEL }, async () => {
      const first = nextTube;
      nextTube += Math.ceil(per / 5) + 1;
      for (let k = 0; k < per; k++)
        par.push(await post(people[nextPerson++]!, barcodes[first + Math.floor(k / 5)]!));
    }),
  );
  const parRate = par.length / ((performance.now() - t0) / 1000);
  const f = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return `p50=${percentile(s, 50).toFixed(2)} ms p95=${percentile(s, 95).toFixed(2)} ms p99=${percentile(s, 99).toFixed(2)} ms`;
  };
  console.log(`one sampler:  ${f(seqLatencies)}`);
  console.log(`8 in flight:  ${parRate.toFixed(0)} links/s  ${f(par)}`);
  console.log(ratioLine('sampling-links (sampler link ÷ raw durable insert)', ratios, 'none set'));
} finally {
  await app.close();
  await db.exec('drop table if exists bench_links').catch(() => {});
  await done();
}
