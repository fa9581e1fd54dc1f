import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { dbTargets } from '../../../test-support/test-db';
import type { Db } from '../../../core/db/db';
import type { Actor } from '../../../core/auth/actor';
import { applyDeploymentStructure } from '../../../core/units/deployment';
import { runMove } from './move.service';

const admin: Actor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'national_admin',
  unitCode: null,
  facilityId: null,
  displayName: 'Quản trị',
};
const ctx = { actor: admin, ip: '127.0.0.1', requestId: 'move-remainders' };

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
        ['do 2025 00097', 'ha 2025 00097', 'thu 2025 00097'],
      );
    });

    it('a held declaration read through declarations_all names its map', async () => {
      const rows = await db.query<{ unit_structure: string; moved_from_unit: string }>(
        'select unit_structure, moved_from_unit from declarations_all',
      );
      assert.deepEqual(rows, [{ unit_structure: '2025', moved_from_unit: '/01/001/00001/' }]);
    });
  });
}
