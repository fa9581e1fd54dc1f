/**
 * The move of people from 2021 (pre2025) codes to 2025 codes at scale, and people search before and
 * after the new jurisdiction rule. Generates people on the old map up to the target size (kept in the
 * DATABASE_URL database, so later runs reuse them; a run on already moved people first puts them back
 * from their kept old path), then:
 *  1. search p95 for commune and province officers with the old rule (code column only) and the new one
 *     (structure + the unit's level), same data, same sampled terms;
 *  2. the move itself (`runMove`, as `npm run units:move` runs it), timed;
 *  3. search p95 with the new rule on the moved data (2025 officers).
 * Use a PostgreSQL cluster with fsync on (the default) for figures:
 *
 *   DATABASE_URL=postgres://…/pdbench npx tsx bench/units-move.bench.ts 1000000
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

const target = Number(process.argv[2] ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 200);
const batchSize = Number(process.env.BENCH_MOVE_BATCH ?? 50_000);
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
  await db.exec('vacuum analyze persons');
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
  async function searches(label: string, sample: Row[], unit: UnitStructure | undefined) {
    const rng = new Prng(42);
    const pick = () => sample[Math.floor(rng.next() * sample.length)]!;
    const commune = await timeEach(runs, () => {
      const p = pick();
      const s = unit && { structure: unit, level: 'commune' as const };
      return people.search(ctx(staff('commune_officer', p.commune_code, s)), {
        q: p.name_folded.split(' ').slice(-2).join(' '),
      });
    });
    console.log(summary(`${label}: given name, own commune`, commune));
    const province = await timeEach(runs, () => {
      const p = pick();
      const s = unit && { structure: unit, level: 'province' as const };
      return people.search(ctx(staff('province_officer', p.province_code, s)), { q: p.name_folded });
    });
    console.log(summary(`${label}: full name, own province`, province));
  }

  const before = await sampleOf();
  await searches('old rule (code column only)', before, undefined);
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
  const t = performance.now();
  const run = await runMove(db, ctx(admin), {
    batchSize,
    onProgress: (r) => process.stdout.write(`\rmoved ${r.progress.persons?.moved.toLocaleString('en') ?? 0}`),
  });
  const seconds = (performance.now() - t) / 1000;
  const p = run.progress.persons!;
  console.log(
    `\nmove: ${p.moved.toLocaleString('en')} people moved, ${p.review.toLocaleString('en')} to review, ` +
      `${seconds.toFixed(1)} s (${Math.round(total / seconds).toLocaleString('en')} people/s, batch ${batchSize})`,
  );
  await db.exec('vacuum analyze persons');
  const after = await db.query<Row>(
    `select name_folded, commune_code, province_code from persons tablesample system (1)
     where unit_structure = '2025' limit 2000`,
  );
  await searches('new rule, 2025 map after the move', after, '2025');
} finally {
  await db.close();
}
