/**
 * Generates people up to a target count in the benchmark database (DATABASE_URL, or PGlite in
 * BENCH_DATA_DIR), for the same-run comparisons in bench/perf.
 *
 *   DATABASE_URL=postgres://…/perf_people npx tsx bench/perf/gen-people.ts 1000000
 *
 * At millions of people the name-word trigger (one index insert per word, in random order) makes the
 * load crawl (~700 people/s at 200 k on a 2-core machine). So the trigger is disabled during the load and
 * the name-word entries of the new people are then made in one set-based pass with the migrations'
 * own word list function (`person_name_word_list`), the index built after: the same rows the trigger
 * would have written (people.name-words.db.test.ts checks that set against the persons table).
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
    await db.exec('alter table persons disable trigger persons_name_words_added');
    try {
      await generatePeople(db, {
        count: target - have,
        bulk: true,
        batchSize: 20_000,
        onProgress: (d) =>
          d % 500_000 === 0 && process.stdout.write(`\rgenerated ${d.toLocaleString('en')} `),
      });
    } finally {
      await db.exec('alter table persons enable trigger persons_name_words_added');
    }
    console.log(`\n${where}: ${target - have} people in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    const w = performance.now();
    const idx = await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename = 'person_name_words' and schemaname = current_schema()
          and indexname <> 'person_name_words_pkey'`,
    );
    await db.transaction(async (tx) => {
      for (const ix of idx) await tx.exec(`drop index ${ix.name}`);
      await tx.exec('alter table person_name_words drop constraint person_name_words_pkey');
      await tx.exec(
        `insert into person_name_words (word, name_folded, person_id, unit_structure, province_code, district_code, commune_code)
         select w, p.name_folded, p.id, p.unit_structure, p.province_code, p.district_code, p.commune_code
           from persons p cross join lateral person_name_word_list(p.name_folded) as w
          where p.merged_into is null
            and not exists (select 1 from person_name_words x where x.person_id = p.id)`,
      );
      await tx.exec('alter table person_name_words add primary key (person_id, word)');
      for (const ix of idx) await tx.exec(ix.def);
    });
    console.log(`name-word entries made in ${((performance.now() - w) / 1000).toFixed(0)} s`);
  }
  await db.exec('vacuum analyze');
} finally {
  await db.close();
}
