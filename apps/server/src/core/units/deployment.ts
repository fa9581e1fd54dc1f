import type { Db, Queryable } from '../db/db';
import { isUnitStructure, type UnitStructure } from './structure';

/** Every table whose rows name a unit by (unit_structure, province_code, district_code, commune_code). */
export const UNIT_TABLES = [
  'accounts',
  'persons',
  'worklist_items',
  'declarations',
  // rows an investigation holds past their partition's drop (0016): records like the others
  'declarations_held',
  'venues',
  'daily_venue_counts',
  'checkins',
  'checkins_held',
  'qr_card_batches',
  'labs',
  'testing_sessions',
  'tubes',
  'shipments',
  'pending_identities',
  'vaccination_sites',
  'vaccination_doses',
  'vaccination_adverse_events',
  'cases',
  // tracing (issue #13): where the contact lives; where the cluster is
  'contacts',
  'clusters',
  'traced_cases',
  'named_contacts',
  'vaccination_corrections',
  'vaccination_next_due',
  'vaccination_coverage_people',
  // vaccination invitations (issue #12 §2): where the invited person lives
  'vaccination_invitations',
  // one unit code of any level (0067): a campaign's area, an import's default commune, a review policy's unit
  'vaccination_campaigns',
  'vaccination_imports',
  'venue_review_policies',
] as const;

const SETTING = 'unit_structure';

/**
 * The structure new records and accounts use. Read from the database, so every server and tool
 * agrees; a database never set up by `applyDeploymentStructure` (tests' templates, upgrades before
 * it ran) writes pre2025, which is what its column defaults say.
 */
export async function deploymentStructure(q: Queryable): Promise<UnitStructure> {
  const rows = await q.query<{ value: string }>('select value from deployment_settings where name = $1', [
    SETTING,
  ]);
  const v = rows[0]?.value;
  return isUnitStructure(v) ? v : 'pre2025';
}

/**
 * The structure chosen at start: the configured one, else the one recorded, else 2025 for a new
 * deployment and pre2025 for one that already holds people or staff accounts (it was written on the
 * old map before this setting existed).
 */
async function chooseStructure(q: Queryable, configured: UnitStructure | undefined): Promise<UnitStructure> {
  if (configured) return configured;
  const rows = await q.query<{ value: string }>('select value from deployment_settings where name = $1', [
    SETTING,
  ]);
  if (isUnitStructure(rows[0]?.value)) return rows[0].value;
  const used = await q.query<{ used: boolean }>(
    `select exists (select 1 from persons) or exists (select 1 from accounts where kind = 'staff') as used`,
  );
  return used[0]?.used ? 'pre2025' : '2025';
}

/**
 * Records the deployment's structure and makes it the default of every unit-naming column, so
 * writers that do not name a structure write the deployment's (a constant default: no per-row cost).
 * Runs at start, after migrations; a change of structure is one short DDL transaction.
 */
export async function applyDeploymentStructure(
  db: Db,
  configured: UnitStructure | undefined,
): Promise<UnitStructure> {
  return db.transaction(async (tx) => {
    const structure = await chooseStructure(tx, configured);
    const stored = await tx.query<{ value: string }>(
      'select value from deployment_settings where name = $1 for update',
      [SETTING],
    );
    // Only the columns whose default differs: a table added since the structure was recorded (a new
    // migration on a running deployment) takes it too, and a start that changes nothing takes no lock.
    const defaults = await tx.query<{ table_name: string; column_default: string | null }>(
      `select table_name, column_default from information_schema.columns
        where table_schema = current_schema() and column_name = 'unit_structure' and table_name = any($1::text[])`,
      [[...UNIT_TABLES]],
    );
    const current = new Map(defaults.map((d) => [d.table_name, d.column_default ?? '']));
    // The structure is one of two fixed words (checked above), never user text.
    for (const table of UNIT_TABLES)
      if (!current.get(table)?.startsWith(`'${structure}'`))
        await tx.exec(`alter table ${table} alter column unit_structure set default '${structure}'`);
    if (stored[0]?.value === structure) return structure;
    await tx.query(
      `insert into deployment_settings (name, value) values ($1, $2)
       on conflict (name) do update set value = excluded.value, changed_at = now()`,
      [SETTING, structure],
    );
    return structure;
  });
}

/** The deployment's structure inside a statement (same rule as `deploymentStructure`). */
export const DEPLOYMENT_STRUCTURE_SQL = `coalesce((select s.value from deployment_settings s where s.name = '${SETTING}'), 'pre2025')`;
