import type { Db, Queryable } from '../../core/db/db';
import { LOCKS } from '../../core/db/locks';
import { adminUnitsDataVersion, readAdminUnits, type MappingRow, type UnitRow } from './geo.data';

const NAME = 'admin_units';

const UNIT_COLUMNS = `structure text, code text, level smallint, parent_code text, province_code text,
  district_code text, name text, name_folded text, full_name_folded text, name_en text, full_name text,
  full_name_en text, type text, population int, level_name text, path text`;
const UNIT_NAMES =
  'structure, code, level, parent_code, province_code, district_code, name, name_folded, ' +
  'full_name_folded, name_en, full_name, full_name_en, type, population, level_name, path';
const UNIT_UPDATES = UNIT_NAMES.split(', ')
  .filter((c) => c !== 'structure' && c !== 'code')
  .map((c) => `${c} = excluded.${c}`)
  .join(', ');

/**
 * Upserts rather than replaces units: other tables may refer to unit codes, and a code that disappeared
 * from the data must fail loudly (foreign key) rather than vanish. The whole set is one JSON parameter,
 * so 14,000 rows take one statement.
 */
async function upsertUnits(tx: Queryable, units: UnitRow[]): Promise<void> {
  await tx.query(
    `insert into admin_units (${UNIT_NAMES})
     select ${UNIT_NAMES} from jsonb_to_recordset($1::jsonb) as r(${UNIT_COLUMNS})
     on conflict (structure, code) do update set ${UNIT_UPDATES}`,
    [JSON.stringify(units)],
  );
  await tx.query(
    `delete from admin_units u
     where not exists (select 1 from jsonb_to_recordset($1::jsonb) as r(structure text, code text)
                       where r.structure = u.structure and r.code = u.code)`,
    [JSON.stringify(units.map((u) => ({ structure: u.structure, code: u.code })))],
  );
}

async function replaceMapping(tx: Queryable, mapping: MappingRow[]): Promise<void> {
  await tx.query('delete from admin_unit_mapping_2025');
  await tx.query(
    `insert into admin_unit_mapping_2025 (old_code, old_level, old_name, new_code, new_name, partial)
     select old_code, old_level, old_name, new_code, new_name, partial
     from jsonb_to_recordset($1::jsonb)
       as r(old_code text, old_level smallint, old_name text, new_code text, new_name text, partial boolean)`,
    [JSON.stringify(mapping)],
  );
}

async function loadedVersion(q: Queryable): Promise<string | undefined> {
  const rows = await q.query<{ version: string }>('select version from reference_data where name = $1', [
    NAME,
  ]);
  return rows[0]?.version;
}

/**
 * Loads both administrative-unit structures and the 2025 mapping from data/, in one transaction.
 * Returns the number of units written: 0 when the current version is already loaded.
 */
export async function loadAdminUnits(db: Db): Promise<number> {
  const version = adminUnitsDataVersion();
  if ((await loadedVersion(db)) === version) return 0;
  const { units, mapping } = readAdminUnits();
  return db.transaction(async (tx) => {
    // Two servers starting at once: the second waits, then finds the version loaded.
    await tx.query('select pg_advisory_xact_lock($1)', [LOCKS.adminUnitsLoad]);
    if ((await loadedVersion(tx)) === version) return 0;
    await upsertUnits(tx, units);
    await replaceMapping(tx, mapping);
    // Fresh statistics, so search plans use the trigram and prefix indexes from the first query.
    await tx.exec('analyze admin_units; analyze admin_unit_mapping_2025');
    await tx.query(
      `insert into reference_data (name, version, loaded_at) values ($1, $2, now())
       on conflict (name) do update set version = excluded.version, loaded_at = excluded.loaded_at`,
      [NAME, version],
    );
    return units.length;
  });
}
