/**
 * The move of people from 2021 (pre2025) codes to 2025 codes at scale, and people search before and
 * after the new jurisdiction rule. Generates people on the old map up to the target size (kept in the
 * DATABASE_URL database, so later runs reuse them; a run on already moved people first puts them back
 * from their kept old path), then:
 *  1. search p95 for commune and province officers with the old rule (code column only, on the area
 *     indexes it had) and the new one
 *     (structure + the unit's level), same data, same sampled terms;
 *  2. the move itself (`runMove`, as `npm run units:move` runs it), timed, beside a same-run reference
 *     for every batch of the people's block walk: just before the product moves a range of blocks, a
 *     bare `UPDATE persons … FROM unit_move_map` of the same blocks (TID range, the name-word trigger
 *     standing aside, no review list, no name-word entries, no audit, rolled back so the product still
 *     finds the rows); printed as product ÷ reference in speed per batch, median and range, and the totals;
 *  3. search p95 with the new rule on the moved data (2025 officers).
 * Goal (issue #10): 10 M people under 5 minutes on PostgreSQL with fsync on:
 *
 *   DATABASE_URL=postgres://…/pdbench npx tsx bench/units-move.bench.ts 10000000
 */
import { openBenchDb } from './lib/bench-db';
import { summary, timeEach } from './lib/stats';
import { generatePeople } from '../apps/server/src/demo/generate-people';
import { peopleReadService } from '../apps/server/src/modules/people/people.service';
import type { Actor } from '../apps/server/src/core/auth/actor';
import type { LevelName, UnitStructure } from '../apps/server/src/core/units/structure';
import { applyDeploymentStructure } from '../apps/server/src/core/units/deployment';
import { runMove } from '../apps/server/src/modules/geo/move/move.service';
import { Prng } from '../apps/server/src/demo/prng';
import { OLD_PATH_SQL, type MoveTable } from '../apps/server/src/modules/geo/move/move.tables';
import { peopleRange } from '../apps/server/src/modules/geo/move/move.batch';
import { fmtSpread, spread } from './lib/rounds';

const target = Number(process.argv[2] ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
/** Thrown to roll the reference's transaction back. */
class RolledBack extends Error {}
const batchSize = Number(process.env.BENCH_MOVE_BATCH ?? 50_000);
// BENCH_MOVE_BATCHES: stop after this many batches (the run stays resumable) and extrapolate the
// people-batch rate to the whole table; unset = the whole move.
const maxBatches = process.env.BENCH_MOVE_BATCHES ? Number(process.env.BENCH_MOVE_BATCHES) : undefined;
// reuse: the generated people stay in the DATABASE_URL database for the next run (see above).
const { db, where } = await openBenchDb({ reuse: true });
try {
  // Back to the old map (bench only): a previous run moved them.
  await db.exec(`update persons set unit_structure = 'pre2025', province_code = split_part(moved_from_unit, '/', 2),
      district_code = split_part(moved_from_unit, '/', 3), commune_code = split_part(moved_from_unit, '/', 4),
      moved_from_unit = null where moved_from_unit is not null;
    delete from unit_move_reviews; delete from unit_move_runs; delete from deployment_settings;
    alter table persons alter column unit_structure set default 'pre2025'`);
  const have = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  if (have < target) {
    const t = performance.now();
    const { inserted } = await generatePeople(db, {
      count: target - have,
      bulk: true,
      onProgress: (d) => d % 500_000 === 0 && process.stdout.write(`\rgenerated ${d.toLocaleString('en')}`),
    });
    console.log(
      `\ngenerated ${inserted.toLocaleString('en')} in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
  }
  // Both tables the search reads: a name-word table loaded in bulk has no statistics yet, and the
  // planner then scans it (seconds per search at 10 M).
  await db.exec('vacuum analyze persons');
  await db.exec('vacuum analyze person_name_words');
  const total = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  console.log(`database: ${where}; people: ${total.toLocaleString('en')}`);

  const people = peopleReadService(db);
  const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'bench' });
  const staff = (
    role: 'province_officer' | 'commune_officer',
    unitCode: string,
    unit?: { structure: UnitStructure; level: LevelName },
  ): Actor => ({
    kind: 'staff',
    accountId: 'bench',
    role,
    unitCode,
    facilityId: null,
    displayName: 'bench',
    ...(unit ? { unitStructure: unit.structure, unitLevel: unit.level } : {}),
  });
  type Row = { name_folded: string; commune_code: string; province_code: string };
  const sampleOf = () =>
    db.query<Row>(
      'select name_folded, commune_code, province_code from persons tablesample system (1) limit 2000',
    );
  async function searches(label: string, sample: Row[], unit: UnitStructure | undefined, print = true) {
    const rng = new Prng(42);
    const pick = () => sample[Math.floor(rng.next() * sample.length)]!;
    const commune = await timeEach(runs, () => {
      const p = pick();
      const s = unit && { structure: unit, level: 'commune' as const };
      return people.search(ctx(staff('commune_officer', p.commune_code, s)), {
        q: p.name_folded.split(' ').slice(-2).join(' '),
      });
    });
    if (print) console.log(summary(`${label}: given name, own commune`, commune));
    const province = await timeEach(runs, () => {
      const p = pick();
      const s = unit && { structure: unit, level: 'province' as const };
      return people.search(ctx(staff('province_officer', p.province_code, s)), { q: p.name_folded });
    });
    if (print) console.log(summary(`${label}: full name, own province`, province));
  }

  const before = await sampleOf();
  // The old rule as the product ran it before #10: its predicate on the code column alone, served by
  // the area indexes it had then (migration 0014, dropped by 0052 for the structure-first ones), made
  // for this pass and dropped after it. Without them the old predicate has no index to use and its
  // figure would flatter the new rule. Each rule is warmed on the same terms first (untimed), so
  // neither pays for reading its index into memory.
  const oldIndexes = {
    persons_bench_old_province_name_idx: 'province_code',
    persons_bench_old_commune_name_idx: 'commune_code',
  };
  for (const [name, column] of Object.entries(oldIndexes))
    await db.exec(`create index if not exists ${name} on persons (${column}, name_folded collate "C", id)`);
  await db.exec('analyze persons');
  await searches('warm-up', before, undefined, false);
  await searches('old rule (code column, 0014 indexes)', before, undefined);
  for (const name of Object.keys(oldIndexes)) await db.exec(`drop index ${name}`);
  await searches('warm-up', before, 'pre2025', false);
  await searches('new rule (structure + level), 2021 map', before, 'pre2025');

  await applyDeploymentStructure(db, '2025');
  const admin: Actor = {
    kind: 'machine',
    accountId: 'bench',
    role: 'national_admin',
    unitCode: null,
    facilityId: null,
    displayName: 'bench',
  };
  // The reference for one batch of people: a bare UPDATE … FROM the mapping of the same block range
  // the product reads next (no review list, no name-word entries, no audit, no progress), rolled back
  // (its commit's one flush is the only work it skips). The sweep after the walk has no reference.
  async function reference(t: MoveTable, after: string | null, size: number): Promise<number | null> {
    if (t.table !== 'persons') throw new Error('the reference moves people only');
    const range = await peopleRange(db, after, size);
    if (!range) return null;
    const started = performance.now();
    await db
      .transaction(async (tx) => {
        await tx.query(`select set_config('phongdich.name_words_by_caller', 'on', true)`);
        await tx.query(
          `update persons t set unit_structure = '2025', moved_from_unit = ${OLD_PATH_SQL('t')},
             province_code = coalesce(c.new_province_code, p.new_code), district_code = null, commune_code = c.new_code
           from unit_move_map c, unit_move_map p
           where c.old_code = t.commune_code and p.old_code = t.province_code and c.new_code is not null
             and t.ctid >= $1::tid and t.ctid < $2::tid and t.unit_structure = 'pre2025' and t.moved_from_unit is null`,
          [`(${range.from},0)`, `(${range.to},0)`],
        );
        throw new RolledBack();
      })
      .catch((e: unknown) => {
        if (!(e instanceof RolledBack)) throw e;
      });
    return performance.now() - started;
  }
  const refMs: number[] = [];
  const prodMs: number[] = [];
  let batchStart = 0;
  let refPending = false;
  const t = performance.now();
  const run = await runMove(db, ctx(admin), {
    batchSize,
    ...(maxBatches === undefined ? {} : { maxBatches }),
    beforeBatch: async (table, after, size) => {
      if (table.table === 'persons') {
        const ms = await reference(table, after, size);
        if (ms !== null) refMs.push(ms);
        refPending = ms !== null;
      }
      batchStart = performance.now();
    },
    onProgress: (r) => {
      if (refPending) prodMs.push(performance.now() - batchStart);
      refPending = false;
      process.stdout.write(`\rmoved ${r.progress.persons?.moved.toLocaleString('en') ?? 0}`);
    },
  });
  const seconds = (performance.now() - t - refMs.reduce((a, b) => a + b, 0)) / 1000;
  const p = run.progress.persons!;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / 1000;
  const ratios = prodMs.map((ms, i) => refMs[i]! / ms);
  console.log(
    `\nmove: ${p.moved.toLocaleString('en')} people moved, ${p.review.toLocaleString('en')} to review, ` +
      `${seconds.toFixed(1)} s without the references (${Math.round((p.moved + p.review) / seconds).toLocaleString('en')} people/s, batch ${batchSize})`,
  );
  console.log(
    `people batches: product ${sum(prodMs).toFixed(1)} s, reference (bare UPDATE … FROM) ${sum(refMs).toFixed(1)} s; ` +
      `product ÷ reference per batch ${fmtSpread(spread(ratios), 2, '×')} over ${ratios.length} batches`,
  );
  const movedPerSecond = p.moved / (sum(prodMs) || 1);
  if (run.status !== 'done')
    console.log(
      `partial run (${prodMs.length} batches): people batches ${Math.round(movedPerSecond).toLocaleString('en')} moved/s, ` +
        `${(total / movedPerSecond).toFixed(0)} s for all ${total.toLocaleString('en')} at that rate; searches after the move skipped`,
    );
  if (run.status !== 'done') process.exit(0);
  console.log(
    `RESULT units-move ${total.toLocaleString('en')} people: ${seconds.toFixed(0)} s (goal < 300 s), ` +
      `product ÷ reference ${fmtSpread(spread(ratios), 2, '×')}`,
  );
  await db.exec('vacuum analyze persons');
  await db.exec('vacuum analyze person_name_words');
  const after = await db.query<Row>(
    `select name_folded, commune_code, province_code from persons tablesample system (1)
     where unit_structure = '2025' limit 2000`,
  );
  await searches('warm-up', after, '2025', false);
  await searches('new rule, 2025 map after the move', after, '2025');
} finally {
  await db.close();
}
