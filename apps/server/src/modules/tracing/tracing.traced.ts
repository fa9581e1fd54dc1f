import type { Interval } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { personAreas } from '../people';

/** Records (or refreshes) the case's window and the points it visited in it, for cluster detection. */
export async function recordTracedCase(
  tx: Queryable,
  caseId: string,
  personId: string,
  window: Interval,
  visits: Map<string, Interval>,
): Promise<void> {
  const area = (await personAreas(tx, [personId])).get(personId);
  if (!area) return;
  await tx.query(
    `insert into traced_cases (case_id, person_id, window_start, window_end, commune_code, district_code,
                               province_code, unit_structure)
     values ($1, $2, $3, $4, $5, $6, $7, $8)
     on conflict (case_id) do update set window_start = excluded.window_start, window_end = excluded.window_end,
       commune_code = excluded.commune_code, district_code = excluded.district_code,
       province_code = excluded.province_code, unit_structure = excluded.unit_structure, traced_at = now(),
       annulled_at = null`,
    [
      caseId,
      personId,
      window.start,
      window.end,
      area.communeCode,
      area.districtCode,
      area.provinceCode,
      area.structure,
    ],
  );
  await tx.query('delete from traced_case_venues where case_id = $1', [caseId]);
  const v = [...visits];
  if (v.length)
    await tx.query(
      `insert into traced_case_venues (case_id, venue_id, first_at, last_at)
       select $1, * from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[])`,
      [caseId, v.map(([id]) => id), v.map(([, i]) => i.start), v.map(([, i]) => i.end)],
    );
}
