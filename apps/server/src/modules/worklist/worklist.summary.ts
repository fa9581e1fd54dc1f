import type { Db } from '../../core/db/db';
import { authorize } from '../../core/auth/policy';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { AuditContext } from '../../core/audit/audit';

export interface AreaSummary {
  /** Worklist items not done yet (new or in progress). */
  openItems: number;
  /** Check-ins today at points in the area. */
  checkinsToday: number;
  /** Results released today for people living in the area, and how many of them positive. */
  resultsToday: number;
  positiveToday: number;
  /** Where "today" starts: midnight in Vietnam (UTC+7, no daylight saving). */
  since: string;
}

const VN_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

/** Midnight today in Vietnam, whatever the server's own time zone. */
export function vietnamMidnight(now = Date.now()): Date {
  return new Date(Math.floor((now + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS);
}

/**
 * The officer's home figures for their own area only: counts, no personal data, so nothing to audit.
 * Each count is one indexed query over the area's rows since midnight: check-ins through checkins'
 * read view checkin_brief, results through the lab's person_result_brief joined to people's person_brief
 * (0071, 0069; worklist may not import the lab, which imports worklist).
 */
export async function areaSummary(db: Db, ctx: AuditContext): Promise<AreaSummary> {
  authorize(ctx.actor, 'worklist.read');
  const since = vietnamMidnight();
  const area = (alias: string) => jurisdictionSql(ctx.actor, alias, 1);
  const w = area('w');
  const c = area('c');
  const p = area('p');
  const [open, checkins, results] = await Promise.all([
    db.query<{ n: number }>(
      `select count(*)::int as n from worklist_items w where ${w.sql} and w.status <> 'done'`,
      w.params,
    ),
    db.query<{ n: number }>(
      `select count(*)::int as n from checkin_brief c where ${c.sql} and c.server_time >= $${c.params.length + 1}`,
      [...c.params, since] as never,
    ),
    db.query<{ n: number; positive: number }>(
      `select count(*)::int as n, count(*) filter (where r.result = 'positive')::int as positive
       from person_result_brief r join person_brief p on p.id = r.person_id
       where ${p.sql} and r.released_at >= $${p.params.length + 1}`,
      [...p.params, since] as never,
    ),
  ]);
  return {
    openItems: open[0]?.n ?? 0,
    checkinsToday: checkins[0]?.n ?? 0,
    resultsToday: results[0]?.n ?? 0,
    positiveToday: results[0]?.positive ?? 0,
    since: since.toISOString(),
  };
}
