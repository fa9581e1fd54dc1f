import type { Queryable } from '../../../core/db/db';
import { REVIEW_POLICIES, type CodeTable } from './move.tables';

const REASON = `case when x.level = 2 then 'district' when cardinality(x.candidates) > 1 then 'split' else 'unmapped' end`;

/**
 * Moves a table that names its unit by one code (accounts, a campaign's area, an import's default
 * commune): one statement moves the rows whose unit has one new unit (or none at all), one lists the
 * rest for the province's officers (a former district, a split commune). Both keep the old path in
 * `moved_from_unit`, which is also what makes a re-run skip them.
 */
export async function moveUnitCodes(tx: Queryable, t: CodeTable): Promise<{ moved: number; review: number }> {
  const c = t.column;
  const moved = await tx.query<{ n: number }>(
    `with done as (
       update ${t.table} a set unit_structure = '2025', moved_from_unit = coalesce(u.path, '/'), ${c} = m.new_code
       from ${t.table} a2
       left join admin_units u on u.structure = 'pre2025' and u.code = a2.${c}
       left join unit_move_map m on m.old_code = a2.${c}
       where a.${t.key} = a2.${t.key} and a.unit_structure = 'pre2025' and a.moved_from_unit is null
         and (a2.${c} is null or m.new_code is not null)
       returning 1
     ) select count(*)::int as n from done`,
  );
  const review = await tx.query<{ n: number }>(
    `with x as (
       select a.${t.key} as key, u.path, u.full_name, u.level, coalesce(m.candidates, '{}') as candidates,
         coalesce(m.new_province_code, p.new_code) as province
       from ${t.table} a
       join admin_units u on u.structure = 'pre2025' and u.code = a.${c}
       left join unit_move_map m on m.old_code = a.${c}
       left join unit_move_map p on p.old_code = u.province_code
       where a.unit_structure = 'pre2025' and a.moved_from_unit is null
     ), listed as (
       insert into unit_move_reviews (table_name, record_key, reason, old_path, old_name, candidates, province_code)
       select '${t.table}', x.key::text, ${REASON}, x.path, x.full_name, x.candidates, x.province
       from x on conflict (table_name, record_key) do nothing
     ), marked as (
       update ${t.table} a set moved_from_unit = x.path from x where a.${t.key} = x.key returning 1
     ) select count(*)::int as n from marked`,
  );
  return { moved: moved[0]?.n ?? 0, review: review[0]?.n ?? 0 };
}

/**
 * The merge rule of review settings: a new unit's setting auto-approves only if every setting
 * merged into it did (its own 2025 setting included). A self-registered point must not reach the
 * people of an area unchecked because one of the former communes let it.
 */
const MERGE = `on conflict (unit_structure, unit_code) do update set
  auto_approve = ${REVIEW_POLICIES}.auto_approve and excluded.auto_approve,
  moved_from_unit = concat_ws(' ', ${REVIEW_POLICIES}.moved_from_unit, excluded.moved_from_unit), updated_at = now()`;

/**
 * Venue review settings follow their unit: the settings of former units that went into one new unit
 * become that unit's one setting (MERGE; the old paths kept on it) and leave the old map; a former
 * district's or split commune's setting waits in the review list like a record.
 */
export async function moveReviewPolicies(tx: Queryable): Promise<{ moved: number; review: number }> {
  const rows = await tx.query<{ moved: number; review: number }>(
    `with x as (
       select p.unit_code, p.auto_approve, u.path, u.full_name, u.level, m.new_code,
         coalesce(m.candidates, '{}') as candidates, coalesce(m.new_province_code, pm.new_code) as province
       from ${REVIEW_POLICIES} p
       join admin_units u on u.structure = 'pre2025' and u.code = p.unit_code
       left join unit_move_map m on m.old_code = p.unit_code
       left join unit_move_map pm on pm.old_code = u.province_code
       where p.unit_structure = 'pre2025' and p.moved_from_unit is null
     ), carried as (
       insert into ${REVIEW_POLICIES} (unit_structure, unit_code, auto_approve, moved_from_unit)
       select '2025', x.new_code, bool_and(x.auto_approve), string_agg(x.path, ' ' order by x.path)
       from x where x.new_code is not null group by x.new_code
       ${MERGE}
     ), gone as (
       delete from ${REVIEW_POLICIES} p using x
       where p.unit_structure = 'pre2025' and p.unit_code = x.unit_code and x.new_code is not null returning 1
     ), listed as (
       insert into unit_move_reviews (table_name, record_key, reason, old_path, old_name, candidates, province_code)
       select '${REVIEW_POLICIES}', x.unit_code, ${REASON}, x.path, x.full_name, x.candidates, x.province
       from x where x.new_code is null on conflict (table_name, record_key) do nothing
     ), marked as (
       update ${REVIEW_POLICIES} p set moved_from_unit = x.path from x
       where p.unit_structure = 'pre2025' and p.unit_code = x.unit_code and x.new_code is null returning 1
     ) select (select count(*) from gone)::int as moved, (select count(*) from marked)::int as review`,
  );
  return rows[0] ?? { moved: 0, review: 0 };
}

/** A reviewed setting takes the commune the officer chose (merged by the same rule) and leaves the old map. */
export async function resolveReviewPolicy(tx: Queryable, oldCode: string, newCode: string): Promise<void> {
  await tx.query(
    `with old as (
       delete from ${REVIEW_POLICIES} where unit_structure = 'pre2025' and unit_code = $1
       returning auto_approve, moved_from_unit
     )
     insert into ${REVIEW_POLICIES} (unit_structure, unit_code, auto_approve, moved_from_unit)
     select '2025', $2, auto_approve, moved_from_unit from old
     ${MERGE}`,
    [oldCode, newCode],
  );
}
