import type { Queryable } from '../../core/db/db';
import { unitNames } from '../geo';
import { venueNames } from '../venues';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';
import type { UnitStructure } from '../../core/units/structure';
import type { FigureLevel, FigureRow } from '@phongdich/contracts/figures';

export type { FigureLevel, FigureRow };

/**
 * The area rows are restricted to: a unit column (same name in venues and daily_venue_counts) of one
 * map, or a point and its children; null is the whole country on the deployment's map.
 */
export type FigureArea =
  | { column: 'province_code' | 'district_code' | 'commune_code'; code: string; structure: UnitStructure }
  | { venueId: string }
  | null;

const GROUP: Record<FigureLevel, { venues: string; counts: string }> = {
  province: { venues: 'v.province_code', counts: 'c.province_code' },
  district: { venues: 'v.district_code', counts: 'c.district_code' },
  commune: { venues: 'v.commune_code', counts: 'c.commune_code' },
  venue: { venues: 'v.id::text', counts: 'c.venue_id::text' },
};

/**
 * One row per unit at `level` and day: points registered by the end of that day (every status),
 * check-ins and declarations made at its points that day. Units with no point and no activity are left out.
 */
export async function figureRows(
  q: Queryable,
  opts: { level: FigureLevel; area: FigureArea; from: string; to: string },
): Promise<FigureRow[]> {
  const g = GROUP[opts.level];
  const params: unknown[] = [opts.from, opts.to];
  // Units are counted on one map: a 2025 commune never sums the 2021 commune that had its code
  // (records waiting on the move's review list count once their new commune is chosen).
  let venueArea = `v.unit_structure = ${DEPLOYMENT_STRUCTURE_SQL}`;
  let countArea = `c.unit_structure = ${DEPLOYMENT_STRUCTURE_SQL}`;
  const a = opts.area;
  if (a && 'column' in a) {
    params.push(a.code, a.structure);
    venueArea = `v.unit_structure = $4 and v.${a.column} = $3`;
    countArea = `c.unit_structure = $4 and c.${a.column} = $3`;
  } else if (a) {
    params.push(a.venueId);
    venueArea = '(v.id = $3 or v.parent_id = $3)';
    countArea = 'c.venue_id in (select id from venue_brief where id = $3 or parent_id = $3)';
  }
  const rows = await q.query<{
    unit: string;
    day: string;
    points: number;
    checkins: number;
    declarations: number;
  }>(
    `with days as (
       select d::date as day from generate_series($1::date, $2::date, interval '1 day') d
     ),
     registered as (
       select ${g.venues} as unit, ((v.created_at at time zone 'UTC') + interval '7 hours')::date as day,
              count(*)::int as n
       from venue_brief v where ${venueArea} and ${g.venues} is not null group by 1, 2
     ),
     points as (
       select r.unit, d.day, sum(r.n)::int as points from registered r join days d on r.day <= d.day group by 1, 2
     ),
     counts as (
       select ${g.counts} as unit, c.day, sum(c.checkins)::int as checkins, sum(c.declarations)::int as declarations
       from daily_venue_counts c
       where c.day between $1::date and $2::date and ${countArea} and ${g.counts} is not null group by 1, 2
     )
     select coalesce(p.unit, k.unit) as unit, coalesce(p.day, k.day)::text as day,
            coalesce(p.points, 0) as points, coalesce(k.checkins, 0) as checkins,
            coalesce(k.declarations, 0) as declarations
     from points p full join counts k on k.unit = p.unit and k.day = p.day
     order by 1, 2
     limit 20000`,
    params as never,
  );
  const names = await unitNamesFor(q, opts.level, [...new Set(rows.map((r) => r.unit))]);
  return rows.map((r) => ({
    unitCode: r.unit,
    unitName: names.get(r.unit) ?? r.unit,
    day: r.day,
    points: r.points,
    checkins: r.checkins,
    declarations: r.declarations,
  }));
}

/** Names of the rows' units (geo's, on the deployment's map) or points (venues'), from their owners. */
function unitNamesFor(q: Queryable, level: FigureLevel, codes: string[]): Promise<Map<string, string>> {
  return level === 'venue' ? venueNames(q, codes) : unitNames(q, codes);
}
