import type { Queryable } from '../../core/db/db';

/** Figures count by Vietnam's calendar day (UTC+7, no daylight saving). */
const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;
/** Today is recomputed when its roll-up is older than this. */
export const STALE_MS = 60_000;
/** Rows committed a little after midnight still belong to the day before. */
const LATE_COMMIT_GRACE_MS = 5 * 60_000;

export const vnDay = (at: Date): string => new Date(at.getTime() + VN_OFFSET_MS).toISOString().slice(0, 10);
export const dayStart = (day: string): Date => new Date(`${day}T00:00:00+07:00`);
export const addDays = (day: string, n: number): string =>
  new Date(dayStart(day).getTime() + n * DAY_MS + VN_OFFSET_MS).toISOString().slice(0, 10);

/**
 * Rebuilds one day's per-point counts from the raw check-ins and declarations (made at a point).
 * Idempotent: the counts are recomputed, not incremented, so it can run as often as needed.
 * One statement over the owners' read views checkin_brief, declaration_brief and venue_brief (0071):
 * inlined by the planner, so the same plan as over the tables.
 */
export async function refreshDailyCounts(q: Queryable, day: string, now = new Date()): Promise<void> {
  const from = dayStart(day);
  const to = new Date(from.getTime() + DAY_MS);
  await q.query(
    `insert into daily_venue_counts (day, venue_id, commune_code, district_code, province_code, unit_structure,
       checkins, declarations)
     select $1::date, v.id, v.commune_code, v.district_code, v.province_code, v.unit_structure,
       coalesce(c.n, 0), coalesce(d.n, 0)
     from (select venue_id, count(*)::int as n from checkin_brief
           where server_time >= $2 and server_time < $3 group by venue_id) c
     full join (select venue_id, count(*)::int as n from declaration_brief
                where created_at >= $2 and created_at < $3 and venue_id is not null group by venue_id) d
       on d.venue_id = c.venue_id
     join venue_brief v on v.id = coalesce(c.venue_id, d.venue_id)
     on conflict (day, venue_id) do update set checkins = excluded.checkins,
       declarations = excluded.declarations, commune_code = excluded.commune_code,
       district_code = excluded.district_code, province_code = excluded.province_code,
       unit_structure = excluded.unit_structure`,
    [day, from, to],
  );
  await q.query(
    `insert into daily_count_refreshes (day, refreshed_at) values ($1, $2)
     on conflict (day) do update set refreshed_at = excluded.refreshed_at`,
    [day, now],
  );
}

/**
 * Rolls up the days of [from, to] that may have changed since their last roll-up: never rolled up,
 * or rolled up before the day (plus a grace period) was over and more than STALE_MS ago. A past day
 * is thus computed once after it ends; today at most once a minute.
 */
export async function ensureFreshCounts(q: Queryable, from: string, to: string, now = new Date()) {
  const today = vnDay(now);
  const last = to < today ? to : today;
  if (from > last) return;
  const rows = await q.query<{ day: string; refreshed_at: Date | null }>(
    `select d::date::text as day, r.refreshed_at
     from generate_series($1::date, $2::date, interval '1 day') d
     left join daily_count_refreshes r on r.day = d::date`,
    [from, last],
  );
  for (const r of rows) {
    const over = dayStart(r.day).getTime() + DAY_MS + LATE_COMMIT_GRACE_MS;
    const at = r.refreshed_at?.getTime();
    if (at === undefined || (at < over && now.getTime() - at > STALE_MS)) {
      await refreshDailyCounts(q, r.day, now);
    }
  }
}
