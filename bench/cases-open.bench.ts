/**
 * Cases opened from a burst of released positive results (issue #13 §5), beside a same-run reference.
 *  Product: N `test.positive` events (default 10,000), as lab's release emits them, each with its
 *  person's released positive result, handled by the real dispatcher and the real handler
 *  (`cases.open-from-result`: reads the result, applies the confirmation rule, opens the case with its
 *  confirmation, treatment place, history row, audit entry and `case.opened` event; a batch handler:
 *  the dispatcher's 500 events of a pass in one transaction, set-based in cases.open-batch.ts). The
 *  timed pass also clears the `case.opened` events it emits (no tracing handler here). Checked
 *  complete: N open cases for the N people, none twice.
 *  Reference: a raw batched insert of the same N case rows (2,000 a statement) into a copy of `cases`
 *  (same columns, defaults and indexes; dropped afterwards).
 *  Rounds alternate reference and product (order swapped each round), fresh people each round.
 *  Goal: N = 10,000 processed under 30 s.
 *
 *   npx tsx bench/cases-open.bench.ts [--results 10000] [--rounds 3]
 *   DATABASE_URL=postgres://… npx tsx bench/cases-open.bench.ts
 *   BENCH_PG=throwaway npx tsx bench/cases-open.bench.ts   (a PostgreSQL of its own, fsync on)
 */
import { randomUUID } from 'node:crypto';
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { alternate, fmtSpread, ratioLine, spread } from './lib/rounds';
import { EventDispatcher } from '../apps/server/src/core/events/dispatcher';
import { openCaseFromResult } from '../apps/server/src/modules/cases';

const n = arg('results', 10_000);
const rounds = arg('rounds', 3);
const { db, where, done } = await openBenchDb();
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** N fresh people in Phúc Xá, each with a released positive RT-PCR result and its event. */
async function burst(count: number): Promise<string> {
  const tag = randomUUID().slice(0, 8);
  await db.query(
    `insert into persons (full_name, name_folded, birth_year, sex, commune_code, district_code, province_code, created_by)
     select 'Bench ' || $1 || ' ' || g, 'bench ' || $1 || ' ' || g, 1980, 'male', '00001', '001', '01', $1
     from generate_series(1, $2::int) g`,
    [tag, count],
  );
  await db.query(
    `insert into person_results (person_id, barcode, result, test_type, pooled, collected_at, released_at)
     select id, 'CB' || $1 || id::text, 'positive', 'rt_pcr', false, now() - interval '6 hours', now()
     from persons where created_by = $1`,
    [tag],
  );
  await db.query(
    `insert into domain_events (type, payload)
     select 'test.positive', jsonb_build_object('personId', id::text, 'barcode', 'CB' || $1 || id::text,
       'collectedAt', to_json(now() - interval '6 hours'), 'releasedAt', to_json(now()))
     from persons where created_by = $1 order by id`,
    [tag],
  );
  return tag;
}

const dispatcher = new EventDispatcher(db, { batch: 500 });
dispatcher.register(openCaseFromResult);

async function product(): Promise<{ ms: number }> {
  const tag = await burst(n);
  const t0 = performance.now();
  await dispatcher.pass();
  const ms = performance.now() - t0;
  const opened = await db.query<{ cases: number; people: number }>(
    `select count(*)::int as cases, count(distinct c.person_id)::int as people
     from cases c join persons p on p.id = c.person_id where p.created_by = $1 and c.status = 'open'`,
    [tag],
  );
  if (opened[0]!.cases !== n || opened[0]!.people !== n)
    throw new Error(`expected ${n} cases for ${n} people, got ${JSON.stringify(opened[0])}`);
  return { ms };
}

async function reference(): Promise<{ ms: number }> {
  const tag = await burst(n);
  // The product's events of this burst are left for the product's next pass: mark them handled here.
  await db.query(
    `update domain_events set processed_at = now() where processed_at is null and payload->>'barcode' like $1`,
    [`CB${tag}%`],
  );
  await db.exec(
    'drop table if exists cases_ref; create table cases_ref (like cases including defaults including indexes)',
  );
  const people = await db.query<{ id: string }>('select id::text as id from persons where created_by = $1', [
    tag,
  ]);
  const t0 = performance.now();
  for (let i = 0; i < people.length; i += 2000) {
    const chunk = people.slice(i, i + 2000);
    await db.query(
      `insert into cases_ref (person_id, confirmed_at, confirmation, sample_date, commune_code, district_code, province_code)
       select p::uuid, now(), '{"kind":"lab_result"}'::jsonb, current_date, '00001', '001', '01' from unnest($1::text[]) p`,
      [chunk.map((p) => p.id)],
    );
  }
  const ms = performance.now() - t0;
  await db.exec('drop table cases_ref');
  return { ms };
}

try {
  console.log(`cases-open: ${n} released positive results per round, ${rounds} rounds; ${where}`);
  const { refs, products, ratios } = await alternate(
    rounds,
    () => reference(),
    () => product(),
    (r) => 1 / r.ms,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: product ${secs(prod.ms)} (${((n / prod.ms) * 1000).toFixed(0)} cases/s), reference ${secs(ref.ms)}, ratio ${ratio.toFixed(3)}×`,
      ),
  );
  console.log(`product: ${fmtSpread(spread(products.map((p) => p.ms / 1000)), 2, ' s')} for ${n} results`);
  console.log(`reference (raw insert): ${fmtSpread(spread(refs.map((r) => r.ms / 1000)), 2, ' s')}`);
  const worst = Math.max(...products.map((p) => p.ms));
  console.log(
    `goal ${n} results under 30 s: ${worst < 30_000 ? 'met' : 'NOT met'} (slowest round ${secs(worst)})`,
  );
  console.log(
    ratioLine(
      'cases opened from a burst of released positive results',
      ratios,
      '< 30 s absolute (ratio for context)',
    ),
  );
} finally {
  await done();
}
