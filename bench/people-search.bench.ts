/**
 * Person search without diacritics at scale: the people service's real search path (jurisdiction
 * filter, masking, audit row written in the same transaction) beside a primary-key lookup of a
 * person in the same process. Generates people up to the target size first (kept in BENCH_DATA_DIR
 * or the DATABASE_URL database, so later runs reuse them).
 *
 *   BENCH_DATA_DIR=/var/tmp/pd-bench-10m npx tsx bench/people-search.bench.ts 10000000
 *   DATABASE_URL=postgres://… npx tsx bench/people-search.bench.ts 10000000
 */
import { openBenchDb } from './lib/bench-db';
import { summary, timeEach } from './lib/stats';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { peopleReadService } from '../apps/server/src/modules/people/people.service';
import type { Actor } from '../apps/server/src/core/auth/actor';
import { Prng } from '../apps/server/src/demo/prng';

const target = Number(process.argv[2] ?? 1_000_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const { db, where } = await openBenchDb();
try {
  const have = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  if (have < target) {
    const t = performance.now();
    const { inserted } = await generatePeople(db, {
      count: target - have,
      bulk: true,
      onProgress: (d) => d % 500_000 === 0 && process.stdout.write(`\rgenerated ${d.toLocaleString('en')}`),
    });
    console.log(
      `\ngenerated ${inserted.toLocaleString('en')} people in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
  }
  const total = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;

  // Search terms and ids sampled from the data itself, typed without diacritics as users type them.
  const sample = await db.query<{
    id: string;
    name_folded: string;
    commune_code: string;
    province_code: string;
    birth_year: number;
  }>(
    'select id, name_folded, commune_code, province_code, birth_year from persons tablesample system (1) limit 2000',
  );
  const rng = new Prng(42);
  const pick = () => sample[Math.floor(rng.next() * sample.length)]!;
  const staff = (
    role: 'national_admin' | 'province_officer' | 'commune_officer',
    unitCode: string | null,
  ): Actor => ({
    kind: 'staff',
    accountId: 'bench',
    role,
    unitCode,
    facilityId: null,
    displayName: 'bench',
  });
  const people = peopleReadService(db);
  const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'bench' });

  console.log(`database: ${where}; people: ${total.toLocaleString('en')}`);
  const ref = await timeEach(runs, () => db.query('select * from persons where id = $1', [pick().id]));
  console.log(summary('reference: primary-key lookup', ref));
  const fullName = await timeEach(runs, () =>
    people.search(ctx(staff('national_admin', null)), { q: pick().name_folded }),
  );
  console.log(summary('full name, national (e.g. "nguyen van an")', fullName));
  const inProvince = await timeEach(runs, () => {
    const p = pick();
    return people.search(ctx(staff('province_officer', p.province_code)), {
      q: p.name_folded,
      birthYear: p.birth_year,
    });
  });
  console.log(summary('full name + birth year, own province', inProvince));
  const inCommune = await timeEach(runs, () => {
    const p = pick();
    return people.search(ctx(staff('commune_officer', p.commune_code)), {
      q: p.name_folded.split(' ').slice(-2).join(' '),
    });
  });
  console.log(summary('middle + given name, own commune', inCommune));
} finally {
  await db.close();
}
