import type { Queryable } from '../../core/db/db';
import type { CaseForTracing, CaseRow } from './cases.types';

/** Case columns with dates as text (a `date` is a day, not an instant: no time zone shift). */
export const CASE_COLUMNS = `c.id::text as id, c.person_id::text as person_id, c.status, c.confirmed_at,
  c.confirmation, c.sample_date::text as sample_date, c.symptom_onset::text as symptom_onset,
  c.classification, c.treatment_kind, c.treatment_facility, c.isolated_at, c.outcome, c.closed_at,
  c.closed_reason,
  c.source_case_id::text as source_case_id, c.cluster_id::text as cluster_id, c.commune_code,
  c.district_code, c.province_code, c.unit_structure, c.opened_by_account_id, c.created_at,
  c.updated_at, c.version`;

export async function findCase(q: Queryable, id: string, forUpdate = false): Promise<CaseRow | undefined> {
  const rows = await q.query<CaseRow>(
    `select ${CASE_COLUMNS} from cases c where c.id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  return rows[0];
}

export async function openCaseOf(
  q: Queryable,
  personId: string,
  forUpdate = false,
): Promise<CaseRow | undefined> {
  const rows = await q.query<CaseRow>(
    `select ${CASE_COLUMNS} from cases c where c.person_id = $1 and c.status = 'open'${forUpdate ? ' for update' : ''}`,
    [personId],
  );
  return rows[0];
}

/** The case as tracing sees it, or null when there is no such case (a malformed id included). */
export async function caseForTracing(q: Queryable, caseId: string): Promise<CaseForTracing | null> {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(caseId)) return null;
  const c = await findCase(q, caseId);
  if (!c) return null;
  return {
    id: c.id,
    personId: c.person_id,
    status: c.status,
    closedReason: c.closed_reason,
    sampleDate: c.sample_date,
    symptomOnset: c.symptom_onset,
    isolatedAt: c.isolated_at,
    communeCode: c.commune_code,
    unitStructure: c.unit_structure,
    sourceCaseId: c.source_case_id,
  };
}

/** Appends the history row of a case's new version (which fields changed, by whom). */
export async function addHistory(
  q: Queryable,
  caseId: string,
  version: number,
  changed: string[],
  accountId: string | null,
): Promise<void> {
  await q.query(
    'insert into case_history (case_id, version, changed, changed_by_account_id) values ($1, $2, $3, $4)',
    [caseId, version, changed, accountId],
  );
}
