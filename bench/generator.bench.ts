/**
 * Generator throughput: people generated and inserted per second (with all of the persons table's
 * indexes), beside a raw batched insert of the same rows into an unindexed copy of the table in the
 * same process. `npx tsx bench/generator.bench.ts [count]`; DATABASE_URL selects PostgreSQL.
 */
import { openBenchDb } from './lib/bench-db';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { loadCommunes, PersonGenerator, type GeneratedPerson } from '../apps/server/src/demo/generator';

const count = Number(process.argv[2] ?? 100_000);
const { db, where } = await openBenchDb();
try {
  // Reference: the same rows, pre-generated, into a table with no indexes or defaults to compute.
  const gen = new PersonGenerator(7, await loadCommunes(db), 50_000_000);
  const rows: GeneratedPerson[] = Array.from({ length: count }, () => gen.next());
  await db.exec(
    'drop table if exists bench_raw_people; create unlogged table bench_raw_people (n text, d date, y int, s text, c text, b text, ph text, cc text)',
  );
  let t = performance.now();
  for (let i = 0; i < count; i += 5000) {
    const b = rows.slice(i, i + 5000);
    await db.query(
      `insert into bench_raw_people select * from unnest($1::text[], $2::date[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[])`,
      [
        b.map((p) => p.fullName),
        b.map((p) => p.birthDate),
        b.map((p) => p.birthYear),
        b.map((p) => p.sex),
        b.map((p) => p.cccd),
        b.map((p) => p.bhyt),
        b.map((p) => p.phone),
        b.map((p) => p.communeCode),
      ],
    );
  }
  const rawMs = performance.now() - t;
  await db.exec('drop table bench_raw_people');

  t = performance.now();
  const { inserted } = await generatePeople(db, { count, seed: 2021, bulk: process.env.BENCH_BULK === '1' });
  const genMs = performance.now() - t;
  const rate = (n: number, ms: number) => Math.round(n / (ms / 1000)).toLocaleString('en');
  console.log(`database: ${where}`);
  console.log(`raw batched insert (no indexes):      ${rate(count, rawMs).padStart(10)} rows/s`);
  console.log(`generator (generate + fold + indexes): ${rate(inserted, genMs).padStart(10)} people/s`);
  console.log(`ratio generator/raw: ${(rawMs / genMs).toFixed(2)}`);
} finally {
  await db.close();
}
