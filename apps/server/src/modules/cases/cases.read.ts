import type { CaseDetail, CaseList, CaseListQuery, CaseSummary } from '@phongdich/contracts/cases';
import {
  seriesState,
  homeCareRulesInForce,
  releaseDecision,
  vietnamDay,
  daysBetween,
} from '@phongdich/domain';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { Param, Queryable } from '../../core/db/db';
import { releasedResultsSince } from '../lab';
import { findPerson } from '../people';
import { catalogueInForce, dosesOf } from '../vaccination';
import { CASE_COLUMNS } from './cases.repository';
import type { CaseRow } from './cases.types';

interface ListRow extends CaseRow {
  person_name: string;
  birth_year: number;
  commune_name: string | null;
  last_signs: string[] | null;
  last_report_at: Date | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function summaryOf(r: ListRow): CaseSummary {
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.person_name,
    birthYear: r.birth_year,
    status: r.status,
    confirmedAt: r.confirmed_at.toISOString(),
    sampleDate: r.sample_date,
    symptomOnset: r.symptom_onset,
    classification: r.classification,
    treatmentKind: r.treatment_kind,
    treatmentFacility: r.treatment_facility,
    outcome: r.outcome,
    closedReason: r.closed_reason,
    closedAt: iso(r.closed_at),
    communeCode: r.commune_code,
    communeName: r.commune_name,
    warningSigns: r.last_signs ?? [],
    lastReportAt: iso(r.last_report_at),
    version: r.version,
  };
}

// The person's name and the commune's are joined for the list through people's and geo's read views
// (person_brief, unit_brief: migration 0069, docs/architecture.md).
const LIST_FROM = `from cases c
  join person_brief p on p.id = c.person_id
  left join unit_brief u on u.structure = c.unit_structure and u.code = c.commune_code
  left join lateral (select r.warning_signs, r.reported_at from case_isolation_reports r
                     where r.case_id = c.id order by r.reported_at desc limit 1) lr on true`;
const LIST_SELECT = `select ${CASE_COLUMNS}, p.full_name as person_name, p.birth_year, u.full_name as commune_name,
  lr.warning_signs as last_signs, lr.reported_at as last_report_at ${LIST_FROM}`;

/** Cases in the actor's jurisdiction, newest confirmation first, with the filters asked for. */
export async function listCases(q: Queryable, actor: Actor, f: CaseListQuery): Promise<CaseList> {
  const j = jurisdictionSql(actor, 'c', 1);
  const where = [j.sql];
  const params: Param[] = [...j.params];
  const add = (sql: (n: number) => string, v: Param) => {
    params.push(v);
    where.push(sql(params.length));
  };
  if (f.status) add((n) => `c.status = $${n}`, f.status);
  if (f.treatment) add((n) => `c.treatment_kind = $${n}`, f.treatment);
  if (f.classification) add((n) => `c.classification = $${n}`, f.classification);
  if (f.unitCode)
    add((n) => `(c.commune_code = $${n} or c.district_code = $${n} or c.province_code = $${n})`, f.unitCode);
  if (f.from)
    add((n) => `c.confirmed_at >= ($${n}::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'`, f.from);
  if (f.to) add((n) => `c.confirmed_at < ($${n}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'`, f.to);
  if (f.warning !== undefined)
    where.push(
      f.warning ? 'cardinality(lr.warning_signs) > 0' : 'coalesce(cardinality(lr.warning_signs), 0) = 0',
    );
  const cond = where.join(' and ');
  const total = await q.query<{ n: number }>(`select count(*)::int as n ${LIST_FROM} where ${cond}`, params);
  const limit = f.limit ?? 50;
  const rows = await q.query<ListRow>(
    `${LIST_SELECT} where ${cond} order by c.confirmed_at desc, c.id limit ${limit} offset ${f.offset ?? 0}`,
    params,
  );
  return { items: rows.map(summaryOf), total: total[0]?.n ?? 0 };
}

export async function caseSummary(q: Queryable, caseId: string): Promise<CaseSummary | undefined> {
  const rows = await q.query<ListRow>(`${LIST_SELECT} where c.id = $1`, [caseId]);
  return rows[0] && summaryOf(rows[0]);
}

export async function reportsOf(q: Queryable, caseId: string) {
  const rows = await q.query<{
    id: string;
    reported_at: Date;
    report_day: string;
    spo2: number | null;
    temperature: string | null;
    breathing_rate: number | null;
    symptoms: string[];
    warning_signs: string[];
    reported_by: 'self' | 'staff';
  }>(
    `select id::text as id, reported_at, report_day::text as report_day, spo2, temperature::text as temperature,
       breathing_rate, symptoms, warning_signs, reported_by
     from case_isolation_reports where case_id = $1 order by reported_at desc limit 60`,
    [caseId],
  );
  return rows.map((r) => ({
    id: r.id,
    reportedAt: r.reported_at.toISOString(),
    reportDay: r.report_day,
    spo2: r.spo2,
    temperature: r.temperature === null ? null : Number(r.temperature),
    breathingRate: r.breathing_rate,
    symptoms: r.symptoms,
    warningSigns: r.warning_signs,
    reportedBy: r.reported_by,
  }));
}

const plusDays = (day: string, d: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);

/** Whether the case may be released today, and with which negative test (from lab's released results). */
export async function releaseState(q: Queryable, c: CaseRow, now = new Date()) {
  const rules = homeCareRulesInForce(now);
  const released = (
    await q.query<{ released_at: Date; note_number: string }>(
      'select released_at, note_number from case_releases where case_id = $1',
      [c.id],
    )
  )[0];
  const fromDay = plusDays(c.sample_date, rules.release.negativeTestFromDay);
  const results = await releasedResultsSince(q, c.person_id, new Date(`${c.sample_date}T00:00:00+07:00`));
  const negative = results
    .filter((r) => r.result === 'negative' && !r.pooled)
    .map((r) => ({ barcode: r.barcode, sampleDate: vietnamDay(r.collectedAt ?? r.releasedAt) }))
    .filter((r) => daysBetween(fromDay, r.sampleDate) >= 0)
    .sort((a, b) => (a.sampleDate < b.sampleDate ? 1 : -1))[0];
  const decision = releaseDecision(
    rules,
    c.sample_date,
    vietnamDay(now),
    negative ? [negative.sampleDate] : [],
  );
  return {
    ruleVersion: rules.version,
    earliestDay: plusDays(c.sample_date, rules.release.minDays),
    negativeTestFromDay: fromDay,
    negativeTest: negative ?? null,
    releasable: c.status === 'open' && decision.release,
    releasedAt: iso(released?.released_at ?? null),
    noteNumber: released?.note_number ?? null,
    decision,
  };
}

async function vaccinationOf(q: Queryable, personId: string) {
  const doses = await dosesOf(q, personId);
  if (!doses.length) return { doses: 0, primaryComplete: false, lastDoseAt: null };
  // Without a catalogue in force (a deployment that never loaded one) the series cannot be judged.
  const catalogue = await catalogueInForce(q, 'covid-19', new Date()).catch(() => null);
  const state = catalogue
    ? seriesState(
        catalogue,
        doses.map((d) => ({ mp: d.product_mp, at: d.administered_at.toISOString() })),
      )
    : { primaryComplete: false };
  return {
    doses: doses.length,
    primaryComplete: state.primaryComplete,
    lastDoseAt: doses[doses.length - 1]!.administered_at.toISOString(),
  };
}

export async function caseDetail(q: Queryable, c: CaseRow): Promise<CaseDetail> {
  const summary = (await caseSummary(q, c.id))!;
  const person = await findPerson(q, c.person_id);
  const confirmations = await q.query<{
    kind: string;
    barcode: string | null;
    lab_id: string | null;
    test_type: string | null;
    sample_date: string;
    rule_version: string;
    confirmed_at: Date;
    note: string | null;
    annulled_at: Date | null;
  }>(
    `select kind, barcode, lab_id, test_type, sample_date::text as sample_date, rule_version, confirmed_at, note,
       annulled_at
     from case_confirmations where case_id = $1 order by confirmed_at, id`,
    [c.id],
  );
  const places = await q.query<{ kind: 'home'; facility: string | null; from_at: Date; note: string | null }>(
    'select kind, facility, from_at, note from case_treatment_places where case_id = $1 order by from_at, id',
    [c.id],
  );
  const history = await q.query<{ version: number; changed: string[]; at: Date; by: string | null }>(
    `select h.version, h.changed, h.at,
       -- a change the platform made itself (a released result's event) names its handler
       coalesce(a.display_name, case when h.changed_by_account_id like 'system:%' then h.changed_by_account_id end) as by
     from case_history h
     left join account_brief a on a.id::text = h.changed_by_account_id
     where h.case_id = $1 order by h.version`,
    [c.id],
  );
  const { decision: _decision, ...release } = await releaseState(q, c);
  return {
    case: summary,
    person: {
      fullName: person?.full_name ?? '',
      birthYear: person?.birth_year ?? 0,
      sex: person?.sex ?? 'other',
      phone: person?.phones[0] ?? null,
      street: person?.street ?? null,
    },
    sourceCaseId: c.source_case_id,
    clusterId: c.cluster_id,
    isolatedAt: iso(c.isolated_at),
    closedAt: iso(c.closed_at),
    confirmations: confirmations.map((k) => ({
      kind: k.kind,
      barcode: k.barcode,
      labId: k.lab_id,
      testType: k.test_type,
      sampleDate: k.sample_date,
      ruleVersion: k.rule_version,
      confirmedAt: k.confirmed_at.toISOString(),
      note: k.note,
      annulledAt: iso(k.annulled_at),
    })),
    treatmentPlaces: places.map((p) => ({
      kind: p.kind,
      facility: p.facility,
      fromAt: p.from_at.toISOString(),
      note: p.note,
    })),
    history: history.map((h) => ({
      version: h.version,
      changed: h.changed,
      at: h.at.toISOString(),
      by: h.by,
    })),
    vaccination: await vaccinationOf(q, c.person_id),
    reports: await reportsOf(q, c.id),
    release,
  };
}
