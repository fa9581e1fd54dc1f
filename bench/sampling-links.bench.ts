/**
 * Sampler links per second: a sampler scans a person and a tube, and the link is recorded
 * (`POST /api/testing/samples` through the whole Fastify app: validation, session and tube checks,
 * pooling rules, audit), beside a single-row raw SQL insert of the same link in the same process.
 * Sequential (one sampler) and with 8 in flight (a site with several samplers).
 *
 *   npx tsx bench/sampling-links.bench.ts [links]        (DATABASE_URL selects PostgreSQL)
 */
import { randomUUID } from 'node:crypto';
import { openBenchDb } from './lib/bench-db';
import { percentile } from './lib/stats';
import { buildTestApp } from '../apps/server/src/test-support/test-app';
import { signInAs } from '../apps/server/src/test-support/auth';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { createLabels, createSession } from '../apps/server/src/modules/sampling/sampling.fixtures';

const links = Number(process.argv[2] ?? 2000);
const { db, where } = await openBenchDb();
const app = await buildTestApp(db);
try {
  await generatePeople(db, { count: links * 2, seed: 99, provinceCode: '01' });
  const people = (
    await db.query<{ id: string }>(`select id from persons where province_code = '01' limit $1`, [links])
  ).map((r) => r.id);
  const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
  const sampler = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
  const session = await createSession(app, officer.headers, { poolSize: 5 });
  const half = Math.floor(people.length / 2);
  const perWorker = Math.ceil((people.length - half) / 8);
  const tubesPerWorker = Math.ceil(perWorker / 5) + 1;
  const needed = Math.ceil(half / 5) + 1 + 8 * tubesPerWorker;
  const barcodes: string[] = [];
  while (barcodes.length < needed) {
    barcodes.push(...(await createLabels(app, officer.headers, 3000)).barcodes);
  }

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
  // One sampler: pools of 5 people per tube, one link after another.
  let t0 = performance.now();
  const seq: number[] = [];
  for (let i = 0; i < half; i++) seq.push(await post(people[i]!, barcodes[Math.floor(i / 5)]!));
  const seqMs = performance.now() - t0;
  // Eight samplers at once, each on their own tubes.
  t0 = performance.now();
  const par: number[] = [];
  const offset = Math.ceil(half / 5) + 1;
  await Promise.all(
    Array.from({ length: 8 }, async (_, w) => {
      for (let i = half + w; i < people.length; i += 8) {
        const k = Math.floor((i - half - w) / 8);
        par.push(await post(people[i]!, barcodes[offset + w * tubesPerWorker + Math.floor(k / 5)]!));
      }
    }),
  );
  const parMs = performance.now() - t0;

  // Reference: the same links as bare single-row inserts.
  await db.exec('create temp table bench_links (id uuid, barcode text, person_id uuid, at timestamptz)');
  t0 = performance.now();
  for (let i = 0; i < half; i++) {
    await db.query('insert into bench_links values ($1, $2, $3, now())', [
      randomUUID(),
      barcodes[i % 100]!,
      people[i]!,
    ]);
  }
  const rawMs = performance.now() - t0;

  const f = (ms: number[]) => {
    const s = [...ms].sort((a, b) => a - b);
    return `p50=${percentile(s, 50).toFixed(2)} ms p95=${percentile(s, 95).toFixed(2)} ms`;
  };
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000));
  console.log(`database: ${where}; links: ${half} one by one, ${par.length} with 8 in flight (pools of 5)`);
  console.log(`raw single-row insert:          ${String(rate(half, rawMs)).padStart(6)} links/s`);
  console.log(`sampler links, one sampler:     ${String(rate(half, seqMs)).padStart(6)} links/s  ${f(seq)}`);
  console.log(
    `sampler links, 8 in flight:     ${String(rate(par.length, parMs)).padStart(6)} links/s  ${f(par)}`,
  );
  console.log(`ratio one sampler / raw insert: ${(rawMs / seqMs).toFixed(2)}`);
} finally {
  await app.close();
  await db.close();
}
