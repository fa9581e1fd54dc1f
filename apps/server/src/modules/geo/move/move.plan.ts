import type { Queryable } from '../../../core/db/db';

/**
 * Builds the plan from the official mapping (admin_unit_mapping_2025): each pre2025 province and
 * commune gets the one 2025 unit it went into, or none when it was split (several new units, or a
 * part whose new unit is not in the 2025 list) or has no row. Never guesses: `new_code` is set only
 * when the mapping names exactly one new unit that exists. Idempotent (re-run = same rows).
 */
export async function buildMovePlan(q: Queryable): Promise<number> {
  const rows = await q.query<{ n: number }>(
    `with plan as (
       select o.code as old_code, o.level as old_level,
         case when count(m.new_code) = 1 and count(n.code) = 1 then min(n.code) end as new_code,
         coalesce(array_agg(distinct n.code order by n.code) filter (where n.code is not null), '{}') as candidates,
         case when count(distinct n.province_code) = 1 then min(n.province_code) end as candidates_province,
         o.province_code as old_province
       from admin_units o
       left join admin_unit_mapping_2025 m on m.old_code = o.code and m.old_level = o.level
       left join admin_units n on n.structure = '2025' and n.code = m.new_code and n.level = o.level
       where o.structure = 'pre2025' and o.level in (1, 3)
       group by o.code, o.level, o.province_code
     ), provinces as (
       select old_code, new_code from plan where old_level = 1
     ), upserted as (
       insert into unit_move_map (old_code, old_level, new_code, new_province_code, candidates)
       select p.old_code, p.old_level, p.new_code,
              case when p.old_level = 1 then p.new_code else coalesce(p.candidates_province, pr.new_code) end,
              p.candidates
       from plan p left join provinces pr on pr.old_code = p.old_province
       on conflict (old_code) do update set old_level = excluded.old_level, new_code = excluded.new_code,
         new_province_code = excluded.new_province_code, candidates = excluded.candidates
       returning 1
     )
     select count(*)::int as n from upserted`,
  );
  return rows[0]?.n ?? 0;
}
