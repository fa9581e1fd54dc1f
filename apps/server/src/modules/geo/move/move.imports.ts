import type { Queryable } from '../../../core/db/db';

/**
 * A vaccination import still running when the map changes goes on as its uploader: the job keeps
 * the uploader's actor (`vaccination_imports.actor`, jsonb) to place and check every later row. Once
 * the uploader's account is on the 2025 map (moved, or resolved from the review list), the import's
 * actor takes the account's new unit and its level there; the old unit stays in the actor as
 * `movedFromUnit` (history, and what makes a re-run skip it). Finished imports keep the actor they ran as.
 */
export async function moveImportActors(tx: Queryable, accountId?: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with done as (
       update vaccination_imports i set actor = i.actor || jsonb_build_object('unitCode', a.unit_code,
           'unitStructure', a.unit_structure, 'unitLevel', u.level_name,
           'movedFromUnit', coalesce(i.actor->>'unitCode', ''))
       from accounts a
       left join admin_units u on u.structure = a.unit_structure and u.code = a.unit_code
       where a.id::text = i.actor->>'accountId' and i.status = 'processing'
         and a.unit_structure = '2025' and coalesce(i.actor->>'unitStructure', 'pre2025') = 'pre2025'
         and i.actor->>'unitCode' is not null and not (i.actor ? 'movedFromUnit')
         and ($1::text is null or a.id::text = $1)
       returning 1
     ) select count(*)::int as n from done`,
    [accountId ?? null],
  );
  return rows[0]?.n ?? 0;
}

/**
 * The rows an import keeps to be reviewed (or offered to a correction's reviewer) name the commune
 * the file gave, on the map the file was uploaded on (`data.communeCode`). A row of an import
 * uploaded on the 2021 map takes its commune's one 2025 commune; the 2021 code stays beside it as
 * `data.movedFromCommuneCode` (also what makes a re-run skip the row). A split commune has no one
 * new commune: its rows keep the 2021 code, marked the same way, for the reviewer to read.
 */
export async function moveImportRows(tx: Queryable): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with done as (
       update vaccination_import_rows r set data = r.data || jsonb_build_object(
           'communeCode', coalesce(m.new_code, r.data->>'communeCode'),
           'movedFromCommuneCode', r.data->>'communeCode')
       from vaccination_imports i, unit_move_map m
       where i.id = r.import_id and i.moved_from_unit is not null
         and r.data is not null and r.data->>'communeCode' is not null and not (r.data ? 'movedFromCommuneCode')
         and m.old_code = r.data->>'communeCode' and m.old_level = 3
       returning 1
     ) select count(*)::int as n from done`,
  );
  return rows[0]?.n ?? 0;
}
