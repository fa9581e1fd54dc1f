import { systemActor } from '../../core/auth/actor';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { findPerson } from '../people';
import { addHistory, openCaseOf } from './cases.repository';
import type { CaseConfirmationInput } from './cases.types';

export interface OpenCaseOptions {
  /** When the confirmation reached the platform (a release time); now if absent. */
  confirmedAt?: Date;
  symptomOnset?: string | null;
  sourceCaseId?: string | null;
  treatment?: { kind: 'home' | 'facility' | 'hospital'; facility?: string | null };
  /** Who records it; the event path (a released result) audits as the platform itself. */
  audit?: AuditContext;
}

export interface OpenCaseResult {
  caseId: string;
  /** A new case was opened (false: the person's open case received the confirmation). */
  opened: boolean;
  /** The confirmation was new to the case (false: the same tube's result came again). */
  added: boolean;
}

/**
 * Who the platform is when it opens a case by itself (a released result's event): the audit log and the
 * case history show "system:cases.open-from-result", not an empty actor.
 */
export const CASES_FROM_RESULTS = systemActor('cases.open-from-result');

const SYSTEM: AuditContext = { actor: CASES_FROM_RESULTS };

/**
 * Opens a case for a person, or adds the confirmation to the person's open case: never a second
 * open case (a partial unique index settles races). Idempotent per tube: the same barcode confirms a
 * case once. Runs in the caller's transaction, with its audit entry, history row and event
 * (`case.opened` or `case.updated`), so the case exists exactly when the cause commits.
 */
export async function openCaseForPerson(
  tx: Queryable,
  personId: string,
  confirmation: CaseConfirmationInput,
  opts: OpenCaseOptions = {},
): Promise<OpenCaseResult> {
  let person = await findPerson(tx, personId);
  // A merged record's cases belong to the record it was merged into.
  if (person?.merged_into) person = await findPerson(tx, person.merged_into);
  if (!person) throw new AppError('PERSON_NOT_FOUND', undefined, 'case for an unknown person');
  const ctx = opts.audit ?? SYSTEM;
  const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  const confirmedAt = opts.confirmedAt ?? new Date();

  const inserted = await tx.query<{ id: string }>(
    `insert into cases (person_id, confirmed_at, confirmation, sample_date, symptom_onset, treatment_kind,
       treatment_facility, source_case_id, commune_code, district_code, province_code, unit_structure,
       opened_by_account_id)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
     on conflict (person_id) where status = 'open' do nothing
     returning id::text as id`,
    [
      person.id,
      confirmedAt,
      JSON.stringify(confirmationJson(confirmation)),
      confirmation.sampleDate,
      opts.symptomOnset ?? null,
      opts.treatment?.kind ?? 'home',
      opts.treatment?.facility ?? null,
      opts.sourceCaseId ?? null,
      person.commune_code,
      person.district_code,
      person.province_code,
      person.unit_structure,
      accountId,
    ],
  );
  if (inserted[0]) {
    const caseId = inserted[0].id;
    await addConfirmation(tx, caseId, confirmation, confirmedAt, accountId);
    await tx.query(
      `insert into case_treatment_places (case_id, kind, facility, from_at, recorded_by_account_id)
       values ($1, $2, $3, $4, $5)`,
      [caseId, opts.treatment?.kind ?? 'home', opts.treatment?.facility ?? null, confirmedAt, accountId],
    );
    await addHistory(tx, caseId, 1, ['opened'], accountId);
    await recordAudit(tx, ctx, {
      action: 'case.open',
      personId: person.id,
      details: { caseId, kind: confirmation.kind, ruleVersion: confirmation.ruleVersion },
    });
    await emitEvent(tx, 'case.opened', {
      caseId,
      personId: person.id,
      confirmedAt: confirmedAt.toISOString(),
      sampleDate: confirmation.sampleDate,
      symptomOnset: opts.symptomOnset ?? null,
    });
    return { caseId, opened: true, added: true };
  }

  // The person has an open case (perhaps opened a moment ago by a concurrent release): add to it.
  const open = await openCaseOf(tx, person.id, true);
  if (!open) throw new Error('open case vanished while adding a confirmation');
  const added = await addConfirmation(tx, open.id, confirmation, confirmedAt, accountId);
  if (!added) return { caseId: open.id, opened: false, added: false };
  const changed = ['confirmation'];
  // The infectious window starts from the earliest confirming sample, whichever result came first.
  if (confirmation.sampleDate < open.sample_date) changed.push('sampleDate');
  const version = open.version + 1;
  await tx.query(
    `update cases set sample_date = least(sample_date, $2::date), version = $3, updated_at = now()
     where id = $1`,
    [open.id, confirmation.sampleDate, version],
  );
  await addHistory(tx, open.id, version, changed, accountId);
  await recordAudit(tx, ctx, {
    action: 'case.confirmation_add',
    personId: person.id,
    details: { caseId: open.id, kind: confirmation.kind, ruleVersion: confirmation.ruleVersion },
  });
  await emitEvent(tx, 'case.updated', { caseId: open.id, personId: person.id, changed });
  return { caseId: open.id, opened: false, added: true };
}

export function confirmationJson(c: CaseConfirmationInput): Record<string, unknown> {
  return {
    kind: c.kind,
    ...(c.barcode ? { barcode: c.barcode } : {}),
    ...(c.labId ? { labId: c.labId } : {}),
    ...(c.testType ? { testType: c.testType } : {}),
    sampleDate: c.sampleDate,
    ruleVersion: c.ruleVersion,
  };
}

/** Records a confirmation; false when this tube already confirmed the case. */
async function addConfirmation(
  tx: Queryable,
  caseId: string,
  c: CaseConfirmationInput,
  confirmedAt: Date,
  accountId: string | null,
): Promise<boolean> {
  const rows = await tx.query(
    `insert into case_confirmations (case_id, kind, barcode, lab_id, test_type, sample_date, rule_version,
       confirmed_at, recorded_by_account_id, note)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     on conflict (case_id, barcode) where barcode is not null do nothing
     returning id`,
    [
      caseId,
      c.kind,
      c.barcode ?? null,
      c.labId ?? null,
      c.testType ?? null,
      c.sampleDate,
      c.ruleVersion,
      confirmedAt,
      accountId,
      c.note ?? null,
    ],
  );
  return rows.length === 1;
}
