import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../../test-support/test-db';
import type { Db } from '../../../core/db/db';
import { applyDeploymentStructure, UNIT_TABLES } from '../../../core/units/deployment';
import { MOVE_TABLE_NAMES } from './move.tables';

/**
 * Tables derived from others that name a unit: the move carries each by rewriting it from its
 * source, not row by row (no gap remains: every other table with a unit column must be in
 * UNIT_TABLES and carried by the move).
 */
const DERIVED: Record<string, string> = {
  // the move updates a person's entries with each batch of people (move.batch.ts)
  person_name_words: 'persons',
  // daily counts follow their venue (moveVenueFigures)
  daily_venue_counts: 'venues',
  // counts per commune, recounted from the people carried (move.figures.ts)
  vaccination_coverage: 'vaccination_coverage_people',
  vaccination_population: 'persons',
};

const UNIT_COLUMN = /(^|_)(commune_code|unit_code|area_code)$/;

for (const target of dbTargets()) {
  describe(`every table that names a unit is carried by the move (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(() => db.close());

    it('lists the schema’s unit columns and finds each table in UNIT_TABLES and the move', async () => {
      const rows = await db.query<{ table_name: string; column_name: string }>(
        `select c.table_name, c.column_name from information_schema.columns c
           join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
          where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
          order by c.table_name, c.column_name`,
      );
      const tables = [
        ...new Set(rows.filter((r) => UNIT_COLUMN.test(r.column_name)).map((r) => r.table_name)),
      ];
      assert.ok(
        tables.includes('persons') && tables.includes('accounts'),
        'the column pattern finds the known tables',
      );
      const unitTables = new Set<string>(UNIT_TABLES);
      const missing = tables.filter(
        (t) => !(t in DERIVED) && !(unitTables.has(t) && MOVE_TABLE_NAMES.has(t)),
      );
      assert.deepEqual(missing, [], 'tables naming a unit that UNIT_TABLES or the move leave out');
      // Every carried table keeps its old path and says which map its codes are on.
      const columns = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
      for (const t of MOVE_TABLE_NAMES) {
        assert.ok(columns.has(`${t}.moved_from_unit`), `${t}.moved_from_unit`);
        assert.ok(columns.has(`${t}.unit_structure`), `${t}.unit_structure`);
      }
      // The list of exceptions stays true: a table that no longer names a unit leaves it; its source is carried.
      for (const [t, source] of Object.entries(DERIVED)) {
        assert.ok(tables.includes(t), `${t} still names a unit`);
        assert.ok(MOVE_TABLE_NAMES.has(source), `${t}'s source ${source} is carried`);
      }
    });

    it('a unit table added since the structure was recorded takes it as its default at the next start', async () => {
      await applyDeploymentStructure(db, '2025');
      // As a migration on a running 2025 deployment leaves a new table (the setting is unchanged).
      await db.exec(`alter table vaccination_campaigns alter column unit_structure set default 'pre2025'`);
      await applyDeploymentStructure(db, '2025');
      const defaults = await db.query<{ table_name: string; column_default: string }>(
        `select table_name, column_default from information_schema.columns
          where table_schema = current_schema() and column_name = 'unit_structure' and table_name = any($1::text[])`,
        [[...UNIT_TABLES]],
      );
      assert.equal(defaults.length, UNIT_TABLES.length, 'every unit table has the column');
      for (const d of defaults) assert.match(d.column_default, /^'2025'/, d.table_name);
    });
  });
}
