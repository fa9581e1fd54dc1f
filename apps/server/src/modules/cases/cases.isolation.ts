import { randomBytes } from 'node:crypto';
import type { MissedReportList, ReportAnswer, ReportBody } from '@phongdich/contracts/cases';
import { daysBetween, homeCareRulesInForce, vietnamDay, warningSigns } from '@phongdich/domain';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { Queryable } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { communeOfficerPhones } from '../accounts';
import { sendMessage } from '../outbox';
import { addWorklistItem } from '../worklist';
import { reportsOf, releaseState } from './cases.read';
import { addHistory } from './cases.repository';
import type { CaseRow } from './cases.types';

const ADVICE = {
  vi: 'Có dấu hiệu cảnh báo: trạm y tế đã được báo và sẽ liên hệ ngay. Nếu khó thở nặng hãy gọi 115.',
  en: 'Warning signs: the health station has been alerted and will call you now. If breathing is hard, call 115.',
};

// The alert names no one: the officer opens the worklist (behind sign-in) to see who.
const ALERT_SMS =
  'Phong Dich: F0 cach ly tai nha co dau hieu canh bao, can xu ly ngay. Xem danh sach viec. / Home F0 warning sign: see worklist now.';

/**
 * Stores a daily report (once per client id: a retry gets the same report back) and, when it shows a
 * warning sign of the home-care rule, escalates at once in the same transaction: a high-priority
 * worklist item for the commune's medical team and an SMS to the commune's officers.
 */
export async function submitReport(
  tx: Queryable,
  ctx: AuditContext,
  c: CaseRow,
  b: ReportBody,
  by: 'self' | 'staff',
): Promise<ReportAnswer> {
  const existing = await tx.query<{
    id: string;
    spo2: number | null;
    breathing_rate: number | null;
    temperature: string | null;
    symptoms: string[];
  }>(
    `select id::text as id, spo2, breathing_rate, temperature::text as temperature, symptoms
     from case_isolation_reports where case_id = $1 and client_id = $2`,
    [c.id, b.clientId],
  );
  if (existing[0]) {
    const e = existing[0];
    const same =
      e.spo2 === b.spo2 &&
      e.breathing_rate === b.breathingRate &&
      (e.temperature === null ? null : Number(e.temperature)) === b.temperature &&
      [...e.symptoms].sort().join() === [...b.symptoms].sort().join();
    if (!same) throw new AppError('CASE_REPORT_CLIENT_ID_REUSED');
    const report = (await reportsOf(tx, c.id)).find((r) => r.id === e.id)!;
    return {
      report,
      escalated: report.warningSigns.length > 0,
      advice: report.warningSigns.length ? ADVICE : null,
    };
  }
  if (c.status !== 'open') throw new AppError('CASE_CLOSED');
  if (c.treatment_kind !== 'home') throw new AppError('CASE_NOT_AT_HOME');
  const now = new Date();
  const rules = homeCareRulesInForce(now);
  const known = new Set(rules.symptoms.map((s) => s.id as string));
  const unknown = b.symptoms.filter((s) => !known.has(s));
  if (unknown.length)
    throw new AppError('VALIDATION_FAILED', [
      fieldError('symptoms', 'unknown', 'Có triệu chứng không có trong danh mục', 'Unknown symptom'),
    ]);
  const symptoms = [...new Set(b.symptoms)];
  const signs = warningSigns(rules, { ...b, symptoms });
  const inserted = await tx.query<{ id: string }>(
    `insert into case_isolation_reports (case_id, client_id, reported_at, report_day, spo2, temperature,
       breathing_rate, symptoms, warning_signs, rule_version, reported_by, reported_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
     on conflict (case_id, client_id) do nothing returning id::text as id`,
    [
      c.id,
      b.clientId,
      now,
      vietnamDay(now),
      b.spo2,
      b.temperature,
      b.breathingRate,
      symptoms,
      signs,
      rules.version,
      by,
      ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
    ],
  );
  // A concurrent retry stored it first: answer as a retry would.
  if (!inserted[0]) return submitReport(tx, ctx, c, b, by);
  const id = inserted[0].id;
  await recordAudit(tx, ctx, {
    action: 'case.report',
    personId: c.person_id,
    details: { caseId: c.id, reportId: id, warnings: signs.length },
  });
  if (signs.length) {
    await addWorklistItem(tx, {
      kind: 'case_warning',
      personId: c.person_id,
      communeCode: c.commune_code,
      title: {
        vi: `F0 cách ly tại nhà có dấu hiệu cảnh báo (${signs.map(signLabelVi).join(', ')})`,
        en: `Home-isolating case shows warning signs (${signs.map(signLabelEn).join(', ')})`,
      },
      sourceType: 'case_isolation_report',
      sourceId: id,
      priority: 'high',
      data: { caseId: c.id, signs, spo2: b.spo2, breathingRate: b.breathingRate },
    });
    for (const phone of await communeOfficerPhones(tx, c.commune_code, c.unit_structure))
      await sendMessage(tx, { channel: 'sms', to: phone, subject: 'cases.warning', body: ALERT_SMS });
  }
  const report = (await reportsOf(tx, c.id)).find((r) => r.id === id)!;
  return { report, escalated: signs.length > 0, advice: signs.length ? ADVICE : null };
}

const SIGN_LABELS: Record<string, [string, string]> = {
  low_spo2: ['SpO2 thấp', 'low SpO2'],
  fast_breathing: ['thở nhanh', 'fast breathing'],
  high_fever: ['sốt cao', 'high fever'],
  breathing_difficulty: ['khó thở', 'breathing difficulty'],
  chest_pain: ['đau ngực', 'chest pain'],
  confusion: ['lơ mơ', 'confusion'],
  bluish_lips: ['tím tái', 'bluish lips'],
};
const signLabelVi = (s: string) => SIGN_LABELS[s]?.[0] ?? s;
const signLabelEn = (s: string) => SIGN_LABELS[s]?.[1] ?? s;

/** Open cases at home in the actor's area with no report yet today (or ever), oldest report first. */
export async function missedReports(q: Queryable, actor: Actor, now = new Date()): Promise<MissedReportList> {
  const day = vietnamDay(now);
  const j = jurisdictionSql(actor, 'c', 2);
  const rows = await q.query<{
    id: string;
    full_name: string;
    commune_code: string;
    last: Date | null;
    since: string;
  }>(
    `select c.id::text as id, p.full_name, c.commune_code, lr.last,
       coalesce((lr.last at time zone 'Asia/Ho_Chi_Minh')::date, c.confirmed_at::date)::text as since
     from cases c join person_brief p on p.id = c.person_id
     left join lateral (select max(r.reported_at) as last from case_isolation_reports r where r.case_id = c.id) lr on true
     where c.status = 'open' and c.treatment_kind = 'home' and ${j.sql}
       and not exists (select 1 from case_isolation_reports r where r.case_id = c.id and r.report_day = $1::date)
     order by lr.last nulls first, c.confirmed_at limit 500`,
    [day, ...j.params],
  );
  return {
    day,
    items: rows.map((r) => ({
      caseId: r.id,
      personName: r.full_name,
      communeCode: r.commune_code,
      lastReportAt: r.last ? r.last.toISOString() : null,
      daysMissed: Math.max(1, daysBetween(r.since, day)),
    })),
  };
}

/**
 * Releases a case from home isolation when the rule's days have passed and a negative test is on
 * record: the case closes as recovered and a numbered release note is fixed.
 */
export async function releaseCase(tx: Queryable, ctx: AuditContext, c: CaseRow, version: number) {
  if (c.version !== version) throw new AppError('CASE_VERSION_CONFLICT');
  if (c.status !== 'open') throw new AppError('CASE_CLOSED');
  const state = await releaseState(tx, c);
  if (!state.decision.release)
    throw new AppError(
      state.decision.reason === 'too_early' ? 'CASE_RELEASE_TOO_EARLY' : 'CASE_RELEASE_NEGATIVE_TEST_NEEDED',
    );
  const negative = state.negativeTest!;
  const noteNumber = `RX-${vietnamDay(new Date()).replaceAll('-', '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
  await tx.query(
    `insert into case_releases (case_id, released_by_account_id, rule_version, negative_barcode, negative_sample_date, note_number)
     values ($1, $2, $3, $4, $5, $6)`,
    [
      c.id,
      ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
      state.ruleVersion,
      negative.barcode,
      negative.sampleDate,
      noteNumber,
    ],
  );
  const next = c.version + 1;
  await tx.query(
    `update cases set status = 'closed', outcome = 'recovered', closed_at = now(), version = $2, updated_at = now()
     where id = $1`,
    [c.id, next],
  );
  const changed = ['status', 'outcome', 'release'];
  await addHistory(tx, c.id, next, changed, ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId);
  await recordAudit(tx, ctx, {
    action: 'case.release',
    personId: c.person_id,
    details: { caseId: c.id, noteNumber },
  });
  await emitEvent(tx, 'case.updated', { caseId: c.id, personId: c.person_id, changed });
  return next;
}
