import type { Queryable } from '../../../core/db/db';
import { OLD_PATH_SQL, type MoveTable } from './move.tables';

export interface BatchResult {
  moved: number;
  review: number;
  /** The last key of the batch; null when the table has no rows left after `after`. */
  upper: string | null;
}

/**
 * Moves one key range of a record table, in the caller's transaction: rows whose commune (or, with
 * no commune, province) has exactly one 2025 unit take its codes; the others stay on their pre2025
 * codes and get a review row. Both keep their old path in `moved_from_unit`, which is also what
 * makes a re-run skip them.
 */
export async function moveBatch(
  tx: Queryable,
  t: MoveTable,
  after: string | null,
  size: number,
): Promise<BatchResult> {
  const k = `${t.key}`;
  const cast = `::${t.keyType}`;
  // Bounds written only when there is one (as parameters): an `$1 is null or key > $1` test would
  // hide the key's index from the planner and make every batch read the whole table.
  const from = after === null ? 'true' : `t.${k} > $1${cast}`;
  const bound = await tx.query<{ k: string }>(
    `select t.${k}::text as k from ${t.table} t where ${from}
     order by t.${k} offset ${Math.floor(size) - 1} limit 1`,
    after === null ? [] : [after],
  );
  const upper = bound[0]?.k ?? null;
  const params = [after, upper].filter((v): v is string => v !== null);
  const to = upper === null ? 'true' : `t.${k} <= $${params.length}${cast}`;
  const range = `${from} and ${to} and t.unit_structure = 'pre2025' and t.moved_from_unit is null`;
  // People's name-word entries carry their area (the search filters on them): the range's entries are
  // updated below in one statement, so the words trigger stands aside for this batch (migration 0060).
  if (t.nameWords) await tx.query(`select set_config('phongdich.name_words_by_caller', 'on', true)`);
  const moved = await tx.query<{ n: number }>(
    `with x as (
       select t.${k} as key, c.new_code as commune, coalesce(c.new_province_code, p.new_code) as province
       from ${t.table} t
       left join unit_move_map c on c.old_code = t.commune_code
       left join unit_move_map p on p.old_code = t.province_code
       where ${range}
     ), done as (
       update ${t.table} t set unit_structure = '2025', moved_from_unit = ${OLD_PATH_SQL('t')},
         province_code = x.province, district_code = null, commune_code = x.commune
       from x where t.${k} = x.key and x.province is not null
         and (x.commune is not null or t.commune_code is null)
       returning 1
     ) select count(*)::int as n from done`,
    params,
  );
  const review = await tx.query<{ n: number }>(
    `with x as (
       select t.${k} as key, ${OLD_PATH_SQL('t')} as old_path, t.commune_code,
         coalesce(c.candidates, '{}') as candidates, coalesce(c.new_province_code, p.new_code) as province
       from ${t.table} t
       left join unit_move_map c on c.old_code = t.commune_code
       left join unit_move_map p on p.old_code = t.province_code
       where ${range}
     ), listed as (
       insert into unit_move_reviews (table_name, record_key, reason, old_path, old_name, candidates, province_code)
       select '${t.table}', x.key::text, case when cardinality(x.candidates) > 1 then 'split' else 'unmapped' end,
         x.old_path, u.full_name, x.candidates, x.province
       from x left join admin_units u on u.structure = 'pre2025' and u.code = x.commune_code
       on conflict (table_name, record_key) do nothing
     ), marked as (
       update ${t.table} t set moved_from_unit = x.old_path from x where t.${k} = x.key returning 1
     ) select count(*)::int as n from marked`,
    params,
  );
  if (t.nameWords) {
    const inRange = (alias: string) =>
      [from, to].map((c) => c.replaceAll(`t.${k}`, `${alias}`)).join(' and ');
    // The key range on the people only: repeated on the word entries, the planner (estimating one
    // row for a uuid range on each side) rescanned the batch's people for every entry, which went
    // quadratic at 10 M people; this way it is one index lookup of entries per person.
    await tx.query(
      `update person_name_words w set unit_structure = t.unit_structure, province_code = t.province_code,
         district_code = t.district_code, commune_code = t.commune_code
       from persons t
       where t.id = w.person_id and ${inRange('t.id')} and t.merged_into is null
         and (w.unit_structure, w.province_code, w.district_code, w.commune_code)
             is distinct from (t.unit_structure, t.province_code, t.district_code, t.commune_code)`,
      params,
    );
    await tx.query(`select set_config('phongdich.name_words_by_caller', 'off', true)`);
  }
  return { moved: moved[0]?.n ?? 0, review: review[0]?.n ?? 0, upper };
}

/** Figures follow their point: the day counts of moved venues take the venue's new codes. */
export async function moveVenueFigures(tx: Queryable, venueId?: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with done as (
       update daily_venue_counts d set unit_structure = v.unit_structure, moved_from_unit = ${OLD_PATH_SQL('d')},
         province_code = v.province_code, district_code = v.district_code, commune_code = v.commune_code
       from venues v
       where v.id = d.venue_id and v.unit_structure = '2025' and d.unit_structure = 'pre2025'
         and ($1::uuid is null or v.id = $1::uuid)
       returning 1
     ) select count(*)::int as n from done`,
    [venueId ?? null],
  );
  return rows[0]?.n ?? 0;
}
