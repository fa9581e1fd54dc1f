/**
 * Generator throughput: people generated (names, identity numbers, folding) and inserted per second
 * through `generatePeople` with all of the persons table's indexes.
 * Reference: a raw batched insert of the same number of pre-generated rows (5,000 a statement) into a
 * plain copy of the columns with no indexes (a real table, dropped afterwards), same process.
 * Rounds alternate reference and product (order swapped each round); ratio = product ÷ reference in rows/s.
 * Goal: none set in issue #11 (figures only).
 *
 *   npx tsx bench/generator.bench.ts [--people 100000] [--rounds 3]      (BENCH_BULK=1: bulk mode)
 *   BENCH_PG=throwaway npx tsx bench/generator.bench.ts                   (PostgreSQL with fsync on)
 */
import { arg, positional } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { alternate, ratioLine } from './lib/rounds';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { loadCommunes, PersonGenerator, type GeneratedPerson } from '../apps/server/src/demo/generator';

const count = arg('people', positional(100_000));
const rounds = arg('rounds', 3);
const { db, where, done } = await openBenchDb();
try {
  const gen = new PersonGenerator(7, await loadCommunes(db), 50_000_000);
  const rows: GeneratedPerson[] = Array.from({ length: count }, () => gen.next());
  await db.exec(
    'drop table if exists bench_raw_people; create table bench_raw_people (n text, d date, y int, s text, c text, b text, ph text, cc text)',
  );
  const reference = async () => {
    const t = performance.now();
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
    return count / ((performance.now() - t) / 1000);
  };
  let seed = 2021;
  const product = async () => {
    const t = performance.now();
    const { inserted } = await generatePeople(db, {
      count,
      seed: seed++,
      bulk: process.env.BENCH_BULK === '1',
    });
    return inserted / ((performance.now() - t) / 1000);
  };
  console.log(`people generator on ${where}: ${count.toLocaleString('en')} people a round`);
  const { ratios } = await alternate(
    rounds,
    reference,
    product,
    (r) => r,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: generator ${prod.toFixed(0).padStart(7)} people/s   raw insert (no indexes) ${ref.toFixed(0).padStart(7)} rows/s   ${ratio.toFixed(2)}×`,
      ),
  );
  console.log(
    ratioLine('generator (generatePeople ÷ raw insert without indexes, rows/s)', ratios, 'none set'),
  );
} finally {
  await db.exec('drop table if exists bench_raw_people').catch(() => {});
  await done();
}
