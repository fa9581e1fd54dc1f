import type { Queryable } from '../../core/db/db';

export interface FiguresQuery {
  /** The level rows are grouped by. */
  level: 'province' | 'district' | 'commune';
  /** Restrict to this area (a 2-, 3- or 5-digit code); null = the whole country. */
  unitCode: string | null;
  /** Inclusive 'YYYY-MM-DD' bounds on the collection day (Vietnam time). */
  from: string;
  to: string;
}

export interface SamplingFigureRow {
  unitCode: string;
  day: string;
  /** People sampled (a pool of 5 counts 5). */
  samplesTaken: number;
  tubes: number;
  /** Tubes on their way to a lab. */
  inTransit: number;
  /** Tubes at a lab without a result yet. */
  received: number;
}

const COLUMN = { province: 'province_code', district: 'district_code', commune: 'commune_code' } as const;
const areaColumn = (code: string) =>
  code.length === 2 ? 'province_code' : code.length === 3 ? 'district_code' : 'commune_code';

/**
 * Sampling figures per unit and day of collection: the lab engineer's figures (resulted, positivity,
 * turnaround) join on (unitCode, day). Days are taken in Vietnam time (UTC+7, no daylight saving).
 */
export async function samplingFigures(q: Queryable, f: FiguresQuery): Promise<SamplingFigureRow[]> {
  const col = COLUMN[f.level];
  const area = f.unitCode ? `and t.${areaColumn(f.unitCode)} = $3` : '';
  const rows = await q.query<{
    unit: string;
    day: string;
    people: number;
    tubes: number;
    in_transit: number;
    received: number;
  }>(
    `select t.${col} as unit, to_char((t.collected_at at time zone 'UTC') + interval '7 hours', 'YYYY-MM-DD') as day,
            sum((select count(*) from tube_members m where m.barcode = t.barcode)) as people,
            count(*) as tubes,
            count(*) filter (where t.status = 'in_transit') as in_transit,
            count(*) filter (where t.status = 'received') as received
       from tubes t
      where t.collected_at is not null and t.${col} is not null
        and ((t.collected_at at time zone 'UTC') + interval '7 hours')::date between $1::date and $2::date ${area}
      group by 1, 2 order by 2, 1`,
    f.unitCode ? [f.from, f.to, f.unitCode] : [f.from, f.to],
  );
  return rows.map((r) => ({
    unitCode: r.unit,
    day: r.day,
    samplesTaken: Number(r.people),
    tubes: r.tubes,
    inTransit: r.in_transit,
    received: r.received,
  }));
}
