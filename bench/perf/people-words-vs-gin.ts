/**
 * The words search query alone, as built now (person_name_words, migration 0033) against the query
 * it replaced (every typed word through the GIN index on persons' name words, then a sort of every
 * match), alternating query by query on the same typed words. Needs the old GIN index recreated on
 * a copy of the data (the migration drops it):
 *   create index persons_name_words_idx on persons using gin (string_to_array(name_folded, ' '));
 *
 *   DATABASE_URL=postgres://…/perf_people_10m npx tsx bench/perf/people-words-vs-gin.ts --n 60
 */
import { openBenchDb } from '../lib/bench-db';
import { percentile } from '../lib/stats';
import { searchPersons } from '../../apps/server/src/modules/people/people.search.repository';
import { PERSON_SELECT } from '../../apps/server/src/modules/people/people.repository';
import { Prng } from '../../apps/server/src/demo/prng';

const i = process.argv.indexOf('--n');
const n = i > 0 ? Number(process.argv[i + 1]) : 60;
const { db, where } = await openBenchDb();
try {
  const sample = await db.query<{ name_folded: string; province_code: string }>(
    'select name_folded, province_code from persons tablesample system (1) repeatable (3) limit 2000',
  );
  const rng = new Prng(5);
  const cases = Array.from({ length: n }, () => {
    const p = sample[Math.floor(rng.next() * sample.length)]!;
    const w = p.name_folded.split(' ');
    const q = rng.next() < 0.6 ? w.slice(-2).join(' ') : `${w[0]} ${w[w.length - 1]}`;
    return { q, province: rng.next() < 0.5 ? p.province_code : null };
  });
  const oldQuery = (q: string, province: string | null) =>
    db.query(
      `${PERSON_SELECT} where p.merged_into is null and string_to_array(p.name_folded, ' ') @> $1::text[]
         ${province ? 'and p.province_code = $2' : ''}
       order by p.name_folded collate "C", p.id limit 21`,
      province ? [q.split(' '), province] : [q.split(' ')],
    );
  const newQuery = (q: string, province: string | null) =>
    searchPersons(db, {
      nameFolded: q,
      nameMode: 'words',
      jurisdiction: (alias, k) =>
        province
          ? { sql: `${alias}.province_code = $${k}`, params: [province] }
          : { sql: 'true', params: [] },
      limit: 21,
    });
  const times = { before: [] as number[], after: [] as number[] };
  for (const [k, c] of cases.entries()) {
    const order = k % 2 ? (['after', 'before'] as const) : (['before', 'after'] as const);
    for (const which of order) {
      const t = performance.now();
      await (which === 'before' ? oldQuery : newQuery)(c.q, c.province);
      times[which].push(performance.now() - t);
    }
  }
  console.log(`${where}; ${n} typed given-name searches (half national, half in a province), alternating`);
  for (const [k, v] of Object.entries(times)) {
    const s = [...v].sort((a, b) => a - b);
    console.log(
      `${k.padEnd(7)} ${k === 'before' ? 'GIN + sort  ' : 'name words  '} p50=${percentile(s, 50).toFixed(1)} p95=${percentile(s, 95).toFixed(1)} p99=${percentile(s, 99).toFixed(1)} ms`,
    );
  }
} finally {
  await db.close();
}
