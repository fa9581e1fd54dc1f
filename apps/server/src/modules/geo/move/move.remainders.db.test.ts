import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTargets } from '../../../test-support/test-db';
import type { Db } from '../../../core/db/db';
import { applyDeploymentStructure } from '../../../core/units/deployment';
import { runMove } from './move.service';
import { listReviews, resolveReview } from './move.reviews';
import { hanoiOfficer2025, moveAdmin } from './move.test-actors';

const admin = moveAdmin;
const ctx = { actor: admin, ip: '127.0.0.1', requestId: 'move-remainders' };
const hanoi = hanoiOfficer2025;

/** Record tables the move must carry (held, vaccination, cases and tracing), with one row of Phúc Xá (00001 → 2025 Hồng Hà, 00097). */
const TABLES = [
  'declarations_held',
  'checkins_held',
  'vaccination_sites',
  'vaccination_doses',
  'vaccination_adverse_events',
  'cases',
  'contacts',
  'clusters',
  'traced_cases',
] as const;

for (const target of dbTargets()) {
  describe(`the move carries held and vaccination records too (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      const place = `'00001', '001', '01'`;
      const person = randomUUID();
      const split = randomUUID();
      await db.query(
        `insert into declarations_held (id, person_id, kind, question_set_version, answers, commune_code,
           district_code, province_code)
         values ($1, $2, 'domestic', 'domestic-2021.1', '{}', ${place})`,
        [randomUUID(), person],
      );
      await db.query(
        `insert into checkins_held (id, person_id, venue_id, method, device_time, server_time, commune_code,
           district_code, province_code, held_until)
         values ($1, $2, $3, 'venue_qr', now(), now(), ${place}, now() + interval '30 days')`,
        [randomUUID(), person, randomUUID()],
      );
      const [site] = await db.query<{ id: string }>(
        `insert into vaccination_sites (name, kind, commune_code, district_code, province_code, daily_capacity,
           opens_at, closes_at)
         values ('Trạm y tế Phúc Xá', 'fixed', ${place}, 100, '07:30', '16:30') returning id`,
      );
      const [dose] = await db.query<{ id: string }>(
        `insert into vaccination_doses (client_id, person_id, disease, product_mp, dose_number, site_id,
           administered_at, administered_on, source, commune_code, district_code, province_code)
         values ($1, $2, 'covid-19', 'EU/1/20/1528', 1, $3, now(), current_date, 'site', ${place}) returning id`,
        [randomUUID(), person, site!.id],
      );
      await db.query(
        `insert into vaccination_adverse_events (client_id, person_id, dose_id, site_id, symptoms, onset_at,
           severity, reported_by, reporter_account_id, commune_code, district_code, province_code)
         values ($1, $2, $3, $4, '{fever}', now(), 'mild', 'site', 'x', ${place})`,
        [randomUUID(), person, dose!.id, site!.id],
      );
      await db.query(
        `insert into persons (id, full_name, name_folded, birth_year, sex, commune_code, district_code, province_code)
         values ($1, 'Đỗ Thu Hà', 'do thu ha', 1990, 'female', ${place})`,
        [person],
      );
      const [kase] = await db.query<{ id: string }>(
        `insert into cases (person_id, confirmed_at, confirmation, sample_date, commune_code, district_code, province_code)
         values ($1, now(), '{}', current_date, ${place}) returning id`,
        [person],
      );
      await db.query(
        `insert into contacts (subject_kind, subject_id, root_case_id, person_id, generation, score, rules_version,
           commune_code, district_code, province_code)
         values ('case', $1, $1, $2, 1, 1, 'r1', ${place})`,
        [kase!.id, person],
      );
      await db.query(
        `insert into clusters (kind, anchor, rules_version, commune_code, district_code, province_code)
         values ('area', '00001', 'r1', ${place})`,
      );
      await db.query(
        `insert into traced_cases (case_id, person_id, window_start, window_end, commune_code, district_code, province_code)
         values ($1, $2, now() - interval '2 days', now(), ${place})`,
        [kase!.id, person],
      );
      await db.query(
        `insert into vaccination_coverage_people (person_id, disease, commune_code, district_code, province_code,
           birth_year, doses, primary_complete, boosters)
         values ($1, 'covid-19', ${place}, 1990, 2, true, 0)`,
        [person],
      );
      // Cống Vị (00007) was split between Ngọc Hà (00008) and Giảng Võ (00025): its person waits.
      await db.query(
        `insert into persons (id, full_name, name_folded, birth_year, sex, commune_code, district_code, province_code)
         values ($1, 'Lê Văn Tách', 'le van tach', 1985, 'male', '00007', '001', '01')`,
        [split],
      );
      await db.query(
        `insert into vaccination_coverage_people (person_id, disease, commune_code, district_code, province_code,
           birth_year, doses, primary_complete, boosters)
         values ($1, 'covid-19', '00007', '001', '01', 1985, 3, true, 1)`,
        [split],
      );
      await db.query(
        `insert into vaccination_coverage (disease, unit_structure, commune_code, birth_year, at_least_one, full_primary, booster)
         values ('covid-19', 'pre2025', '00001', 1990, 1, 1, 0), ('covid-19', 'pre2025', '00007', 1985, 1, 1, 1)`,
      );
      await db.query(
        `insert into vaccination_population (unit_structure, commune_code, birth_year, people)
         values ('pre2025', '00001', 1990, 1), ('pre2025', '00007', 1985, 1)`,
      );
      // Campaign areas of every level: a commune, a province, a former district (no 2025 unit).
      for (const [name, area] of [
        ['Phúc Xá', '00001'],
        ['Hà Nội', '01'],
        ['Ba Đình', '001'],
      ] as const)
        await db.query(
          `insert into vaccination_campaigns (name, disease, products, target_groups, area_code, starts_on, ends_on)
           values ($1, 'covid-19', '{EU/1/20/1528}', '{}', $2, current_date, current_date)`,
          [name, area],
        );
      await db.query(
        `insert into vaccination_imports (kind, sha256, format, header_row, columns, rows_total,
           uploaded_by_account_id, actor, default_commune_code)
         values ('doses', 'x', 'csv', 1, '{}', 1, 'a', '{}', '00001')`,
      );
      // Phúc Xá and Phúc Tân both went into Hồng Hà (00097); Trúc Bạch into Ba Đình (00004, same code).
      for (const [unit, auto] of [
        ['00001', true],
        ['00037', false],
        ['00004', true],
        ['001', true],
      ] as const)
        await db.query(`insert into venue_review_policies (unit_code, auto_approve) values ($1, $2)`, [
          unit,
          auto,
        ]);
      await applyDeploymentStructure(db, '2025');
    });
    after(() => db.close());

    it('each takes the new commune and keeps its old path, and a re-run moves nothing', async () => {
      const run = await runMove(db, ctx, { batchSize: 10 });
      assert.equal(run.status, 'done');
      for (const table of TABLES) {
        const rows = await db.query<Record<string, string | null>>(
          `select unit_structure, province_code, district_code, commune_code, moved_from_unit from ${table}`,
        );
        assert.deepEqual(
          rows,
          [
            {
              unit_structure: '2025',
              province_code: '01',
              district_code: null,
              commune_code: '00097',
              moved_from_unit: '/01/001/00001/',
            },
          ],
          table,
        );
        assert.equal(run.progress[table]?.moved, 1, `${table} counted in the run's progress`);
      }
      const again = await runMove(db, ctx, { batchSize: 10 });
      for (const table of TABLES) assert.equal(again.progress[table]?.moved, 0, table);
    });

    it('a moved person’s name words carry the new area (search reads them)', async () => {
      const rows = await db.query<{ word: string; unit_structure: string; commune_code: string }>(
        `select w.word, w.unit_structure, w.commune_code from person_name_words w
          join persons p on p.id = w.person_id where p.full_name = 'Đỗ Thu Hà' order by word`,
      );
      assert.deepEqual(
        rows.map((r) => `${r.word} ${r.unit_structure} ${r.commune_code}`),
        // Each word and each pair of words (migration 0075).
        ['do', 'do ha', 'do thu', 'ha', 'ha thu', 'thu'].map((k) => `${k} 2025 00097`),
      );
    });

    it('a held declaration read through declarations_all names its map', async () => {
      const rows = await db.query<{ unit_structure: string; moved_from_unit: string }>(
        'select unit_structure, moved_from_unit from declarations_all',
      );
      assert.deepEqual(rows, [{ unit_structure: '2025', moved_from_unit: '/01/001/00001/' }]);
    });

    it('campaign areas, import communes and review settings take their new unit; a former district waits', async () => {
      // The first run (the test above) carried them.
      const [run] = await db.query<{ progress: Record<string, { moved: number; review: number }> }>(
        'select progress from unit_move_runs order by started_at limit 1',
      );
      const campaigns = await db.query<{ name: string; unit: string; moved_from_unit: string }>(
        `select name, unit_structure || ' ' || area_code as unit, moved_from_unit from vaccination_campaigns
         order by name collate "C"`,
      );
      assert.deepEqual(
        campaigns.map((c) => [c.name, c.unit, c.moved_from_unit]),
        [
          ['Ba Đình', 'pre2025 001', '/01/001/'],
          ['Hà Nội', '2025 01', '/01/'],
          ['Phúc Xá', '2025 00097', '/01/001/00001/'],
        ],
      );
      assert.deepEqual(
        {
          moved: run!.progress.vaccination_campaigns?.moved,
          review: run!.progress.vaccination_campaigns?.review,
        },
        { moved: 2, review: 1 },
      );
      const [imp] = await db.query<{ unit: string; moved_from_unit: string }>(
        `select unit_structure || ' ' || default_commune_code as unit, moved_from_unit from vaccination_imports`,
      );
      assert.deepEqual(imp, { unit: '2025 00097', moved_from_unit: '/01/001/00001/' });
      const policies = await db.query<{ unit: string; auto_approve: boolean; moved_from_unit: string }>(
        `select unit_structure || ' ' || unit_code as unit, auto_approve, moved_from_unit from venue_review_policies
         order by unit_structure, unit_code`,
      );
      assert.deepEqual(
        policies.map((p) => [p.unit, p.auto_approve, p.moved_from_unit]),
        [
          ['2025 00004', true, '/01/001/00004/'],
          // merged: a point auto-approves only if both former wards let it
          ['2025 00097', false, '/01/001/00001/ /01/002/00037/'],
          ['pre2025 001', true, '/01/001/'],
        ],
      );
      const reviews = await db.query<{ table_name: string; reason: string }>(
        `select table_name, reason from unit_move_reviews order by table_name`,
      );
      assert.deepEqual(
        reviews.map((r) => `${r.table_name} ${r.reason}`),
        [
          'persons split',
          'vaccination_campaigns district',
          'vaccination_coverage_people split',
          'venue_review_policies district',
        ],
      );
      const again = await runMove(db, ctx, { batchSize: 10 });
      for (const t of ['vaccination_campaigns', 'vaccination_imports', 'venue_review_policies'])
        assert.deepEqual([again.progress[t]?.moved, again.progress[t]?.review], [0, 0], t);
    });

    const figures = async () => ({
      coverage: (
        await db.query<{ r: string }>(
          `select concat_ws(' ', unit_structure, commune_code, birth_year, at_least_one, full_primary, booster) as r
           from vaccination_coverage where at_least_one + full_primary + booster > 0 order by 1`,
        )
      ).map((x) => x.r),
      population: (
        await db.query<{ r: string }>(
          `select concat_ws(' ', unit_structure, commune_code, birth_year, people) as r
           from vaccination_population where people > 0 order by 1`,
        )
      ).map((x) => x.r),
    });

    it('the coverage counts and the population follow their people to the 2025 commune', async () => {
      assert.deepEqual(await figures(), {
        coverage: ['2025 00097 1990 1 1 0', 'pre2025 00007 1985 1 1 1'],
        population: ['2025 00097 1990 1', 'pre2025 00007 1985 1'],
      });
    });

    it('a split ward’s person, a former district’s campaign and setting take the commune an officer chooses', async () => {
      const officer = { ...ctx, actor: hanoi };
      const items = await listReviews(db, officer);
      const of = (table: string) => items.find((i) => i.table === table)!;
      await resolveReview(db, officer, of('persons').id, '00025');
      await resolveReview(db, officer, of('vaccination_coverage_people').id, '00025');
      await resolveReview(db, officer, of('vaccination_campaigns').id, '00004');
      await resolveReview(db, officer, of('venue_review_policies').id, '00004');
      const resolved = await figures();
      assert.deepEqual(resolved, {
        coverage: ['2025 00025 1985 1 1 1', '2025 00097 1990 1 1 0'],
        population: ['2025 00025 1985 1', '2025 00097 1990 1'],
      });
      const [campaign] = await db.query<{ unit: string }>(
        `select unit_structure || ' ' || area_code as unit from vaccination_campaigns where name = 'Ba Đình'`,
      );
      assert.equal(campaign!.unit, '2025 00004');
      const policies = await db.query<{ unit: string; auto_approve: boolean; moved_from_unit: string }>(
        `select unit_structure || ' ' || unit_code as unit, auto_approve, moved_from_unit from venue_review_policies
         where unit_code in ('001', '00004') order by 1`,
      );
      assert.deepEqual(
        policies.map((p) => [p.unit, p.auto_approve, p.moved_from_unit]),
        [['2025 00004', true, '/01/001/00004/ /01/001/']],
      );
      // A later run recounts the same figures from the people.
      await runMove(db, ctx, { batchSize: 10 });
      assert.deepEqual(await figures(), resolved);
    });
  });
}
