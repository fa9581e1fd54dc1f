import type { HomeCareList } from '@phongdich/contracts/cases';
import { daysBetween, homeCareRulesInForce, vietnamDay } from '@phongdich/domain';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { roleOf } from '../../core/auth/policy';
import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import type { CaseRow } from './cases.types';

/**
 * The open cases isolating at home in the caller's area, for the community COVID team (tổ COVID cộng
 * đồng) and the medical team who phone them: the name, the day of isolation and the last report,
 * those without a report today first. No identity number, no address, no investigation: a team member
 * needs only whom to call about what (their phone list comes from the commune, not from this page).
 */
export async function homeCareList(q: Queryable, actor: Actor, now = new Date()): Promise<HomeCareList> {
  const day = vietnamDay(now);
  const j = jurisdictionSql(actor, 'c', 2);
  const rows = await q.query<{
    id: string;
    full_name: string;
    since: string;
    last_at: Date | null;
    last_spo2: number | null;
    last_warning: boolean | null;
    today: boolean;
  }>(
    `select c.id::text as id, p.full_name, (c.confirmed_at at time zone 'Asia/Ho_Chi_Minh')::date::text as since,
       lr.reported_at as last_at, lr.spo2 as last_spo2, cardinality(lr.warning_signs) > 0 as last_warning,
       exists (select 1 from case_isolation_reports r where r.case_id = c.id and r.report_day = $1::date) as today
     from cases c join person_brief p on p.id = c.person_id
     left join lateral (
       select r.reported_at, r.spo2, r.warning_signs from case_isolation_reports r
        where r.case_id = c.id order by r.reported_at desc limit 1) lr on true
     where c.status = 'open' and c.treatment_kind = 'home' and ${j.sql}
     order by today, lr.reported_at nulls first, c.confirmed_at, c.id limit 500`,
    [day, ...j.params],
  );
  return {
    day,
    items: rows.map((r) => ({
      caseId: r.id,
      personName: r.full_name,
      day: Math.max(1, daysBetween(r.since, day) + 1),
      reportedToday: r.today,
      lastReportAt: r.last_at ? r.last_at.toISOString() : null,
      lastSpo2: r.last_spo2,
      warning: r.last_warning === true,
    })),
    symptoms: homeCareRulesInForce(now).symptoms,
  };
}

/**
 * A community team member reports only for an open case at home (the list they see); another case of
 * their commune answers as not found (they do not learn it is in hospital or closed). Officers and
 * the medical team report for any case of their area.
 */
export function checkHomeCareReach(actor: Actor, c: CaseRow): void {
  if (roleOf(actor) !== 'community_team') return;
  if (c.status !== 'open' || c.treatment_kind !== 'home') throw new AppError('CASE_NOT_FOUND');
}
