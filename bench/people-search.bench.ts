/**
 * Person search at scale, as officers type it (without diacritics), through the people service's real
 * search path (jurisdiction filter, masking, audit row written in the same transaction):
 *  - given names only ("van an", "thi hoa"; middle + given name), national and within a province;
 *  - full names ("nguyen van an"), national, and with birth year in the officer's own province;
 *  - middle + given name within the officer's own commune;
 *  - an ID number (CCCD), national (exact, found masked outside the officer's area).
 *  - family + given name ("nguyen hung"), national: every typed word common, the worst case of a
 *    one-word index;
 *  - the words query alone, with the plan before word pairs (rarest single typed word, 0033) and with
 *    pairs (0075), alternating in the same rounds on the same data (same results, checked by
 *    people.name-words.db.test.ts).
 * The given-name searches use common pairs, not only names taken from the data, so they hit many people
 * (the slow case a prefix index does not serve). Officers carry their unit's structure, as a session does.
 * Reference: a primary-key lookup of a person, same process. Each round runs the reference and every kind
 * (order swapped each round); the ratio printed per kind is reference p50 ÷ product p50 (product ÷ reference
 * in speed); p50/p95/p99 per kind are medians over rounds, with their range.
 * Goal (issue #11): given-name searches p95 < 30 ms at 10 M people.
 * Generates people up to the target size first (kept in BENCH_DATA_DIR or the DATABASE_URL database, so
 * later runs reuse them; without either, a temp folder deleted afterwards).
 *
 *   BENCH_DATA_DIR=/var/tmp/pd-bench-10m npx tsx bench/people-search.bench.ts --people 10000000
 *   DATABASE_URL=postgres://… npx tsx bench/people-search.bench.ts --people 10000000 [--runs 200] [--rounds 3]
 */
import { arg, positional } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { alternate, fmtSpread, spread } from './lib/rounds';
import { percentile, timeEach } from './lib/stats';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { peopleReadService } from '../apps/server/src/modules/people/people.service';
import { searchPersons } from '../apps/server/src/modules/people/people.search.repository';
import { jurisdictionSql } from '../apps/server/src/core/auth/jurisdiction';
import type { Actor } from '../apps/server/src/core/auth/actor';
import { Prng } from '../apps/server/src/demo/prng';

const target = arg('people', positional(1_000_000));
const runs = arg('runs', Number(process.env.BENCH_RUNS ?? 200));
const rounds = arg('rounds', 3);

/** Middle + given names officers type on their own (common in the generator's name lists and in life). */
const GIVEN = [
  'van an',
  'thi hoa',
  'van minh',
  'thi lan',
  'van hung',
  'thi mai',
  'van nam',
  'thi huong',
  'duc anh',
  'thi thu',
];

const { db, where, done } = await openBenchDb({ reuse: true });
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
  const sample = await db.query<{
    id: string;
    name_folded: string;
    commune_code: string;
    province_code: string;
    birth_year: number;
    cccd: string | null;
  }>(
    // About 2,000 people sampled by page (cheap at 10 M); the whole table when it is small.
    `select id, name_folded, commune_code, province_code, birth_year, cccd
       from persons tablesample system (${Math.min(100, Math.max(0.01, 400_000 / Math.max(1, total))).toFixed(2)})
      limit 2000`,
  );
  if (sample.length < 10) throw new Error('too few people sampled: raise --people');
  const rng = new Prng(42);
  const pick = <T>(xs: T[]) => xs[Math.floor(rng.next() * xs.length)]!;
  const staff = (
    role: 'national_admin' | 'province_officer' | 'commune_officer',
    unitCode: string | null,
  ): Actor => ({
    kind: 'staff',
    accountId: 'bench',
    role,
    unitCode,
    // As a signed-in officer's session carries it: the area indexes lead with the structure.
    ...(unitCode ? { unitStructure: 'pre2025' as const } : {}),
    facilityId: null,
    displayName: 'bench',
  });
  const people = peopleReadService(db);
  const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'bench' });
  const national = ctx(staff('national_admin', null));
  const lastTwo = (name: string) => name.split(' ').slice(-2).join(' ');
  const withId = sample.filter((p) => p.cccd);

  // The words query alone, as the service's second try sends it, with the plan before word pairs
  // (rarest single typed word, migration 0033) and with pairs (0075): same results, same data.
  const words = (actor: Actor, q: string, singleWordKeys: boolean) =>
    searchPersons(db, {
      nameFolded: q,
      nameMode: 'words',
      jurisdiction: (alias, i) => jurisdictionSql(actor, alias, i),
      limit: 21,
      singleWordKeys,
    });
  const familyGiven = (name: string) => {
    const w = name.split(' ');
    return `${w[0]} ${w[w.length - 1]}`;
  };
  const kinds: Record<string, () => Promise<unknown>> = {
    'words query, national, before (1 word)': () =>
      words(national.actor, rng.next() < 0.5 ? pick(GIVEN) : familyGiven(pick(sample).name_folded), true),
    'words query, national, pairs': () =>
      words(national.actor, rng.next() < 0.5 ? pick(GIVEN) : familyGiven(pick(sample).name_folded), false),
    'words query, province, before (1 word)': () =>
      words(staff('province_officer', pick(sample).province_code), pick(GIVEN), true),
    'words query, province, pairs': () =>
      words(staff('province_officer', pick(sample).province_code), pick(GIVEN), false),
    'given name, national ("van an")': () => people.search(national, { q: pick(GIVEN) }),
    'family + given name, national': () =>
      people.search(national, { q: familyGiven(pick(sample).name_folded) }),
    'given name, own province': () =>
      people.search(ctx(staff('province_officer', pick(sample).province_code)), { q: pick(GIVEN) }),
    'given name from the data, own commune': () => {
      const p = pick(sample);
      return people.search(ctx(staff('commune_officer', p.commune_code)), { q: lastTwo(p.name_folded) });
    },
    'full name, national': () => people.search(national, { q: pick(sample).name_folded }),
    'full name + birth year, own province': () => {
      const p = pick(sample);
      return people.search(ctx(staff('province_officer', p.province_code)), {
        q: p.name_folded,
        birthYear: p.birth_year,
      });
    },
    'CCCD number, national': () => people.search(national, { idNumber: pick(withId).cccd! }),
  };
  const reference = () =>
    timeEach(runs, () => db.query('select * from persons where id = $1', [pick(sample).id]));
  // Warm both: a few of each, so the first round is not the one that reads the indexes into memory.
  await timeEach(20, () => db.query('select * from persons where id = $1', [pick(sample).id]));
  for (const fn of Object.values(kinds)) await timeEach(5, fn);

  console.log(
    `person search on ${where}; people: ${total.toLocaleString('en')}; ${runs} searches a kind a round`,
  );
  const per: Record<string, { p50: number[]; p95: number[]; p99: number[]; ratio: number[] }> = {};
  const refP50: number[] = [];
  for (const [label, fn] of Object.entries(kinds)) {
    const r = (per[label] = {
      p50: [] as number[],
      p95: [] as number[],
      p99: [] as number[],
      ratio: [] as number[],
    });
    const { ratios } = await alternate(
      rounds,
      reference,
      () => timeEach(runs, fn),
      (ms) => 1 / percentile(ms, 50),
      (_, ref, prod) => {
        refP50.push(percentile(ref, 50));
        r.p50.push(percentile(prod, 50));
        r.p95.push(percentile(prod, 95));
        r.p99.push(percentile(prod, 99));
      },
    );
    r.ratio = ratios;
  }
  console.log(`reference: primary-key lookup p50 ${fmtSpread(spread(refP50), 2, ' ms')}`);
  for (const [label, r] of Object.entries(per)) {
    const m = (xs: number[]) => spread(xs).median.toFixed(1).padStart(7);
    console.log(
      `${label.padEnd(40)} p50=${m(r.p50)}  p95=${m(r.p95)}  p99=${m(r.p99)} ms  ` +
        `p95 range ${spread(r.p95).min.toFixed(1)}–${spread(r.p95).max.toFixed(1)}  product ÷ reference ${fmtSpread(spread(r.ratio), 3, '×')}`,
    );
  }
  const given = per['given name, national ("van an")']!;
  console.log(
    `RESULT people-search given names national: p95 ${fmtSpread(spread(given.p95), 1, ' ms')} over ${rounds} rounds at ${total.toLocaleString('en')} people; goal p95 < 30 ms at 10 M`,
  );
} finally {
  await done();
}
