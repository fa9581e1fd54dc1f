import type { CasePatchBody, ManualCaseBody, TransferBody } from '@phongdich/contracts/cases';
import { confirmationRulesInForce, confirmsCase, homeCareRulesInForce, vietnamDay } from '@phongdich/domain';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import type { Param, Queryable } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { findPerson, locationOf } from '../people';
import { caseLocation } from './cases.location';
import { openCaseForPerson } from './cases.open';
import { addHistory, findCase } from './cases.repository';
import type { CaseRow } from './cases.types';

const accountOf = (ctx: AuditContext) => (ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId);

/** Loads a case for a change by an actor allowed to make it here; 404 outside reach (no oracle). */
export async function caseForChange(
  tx: Queryable,
  ctx: AuditContext,
  id: string,
  action: 'case.manage' | 'case.report',
) {
  const c = await findCase(tx, id, true);
  if (!c) throw new AppError('CASE_NOT_FOUND');
  authorize(ctx.actor, action, caseLocation(c));
  return c;
}

function checkVersion(c: CaseRow, version: number) {
  if (c.version !== version) throw new AppError('CASE_VERSION_CONFLICT', undefined, `stale case version`);
}

/** An officer enters a case confirmed elsewhere, or an F1's positive rapid test, where the rule says so. */
export async function openManualCase(tx: Queryable, ctx: AuditContext, b: ManualCaseBody) {
  const person = await findPerson(tx, b.personId);
  if (!person || person.merged_into) throw new AppError('PERSON_NOT_FOUND');
  authorize(ctx.actor, 'case.manage', locationOf(person));
  if (b.sampleDate > vietnamDay(new Date()))
    throw new AppError('VALIDATION_FAILED', [
      fieldError('sampleDate', 'future', 'Ngày lấy mẫu ở tương lai', 'The sample date is in the future'),
    ]);
  const testType = b.kind === 'rapid_test_of_contact' ? 'rapid_antigen' : (b.testType ?? null);
  const decision = confirmsCase(confirmationRulesInForce(new Date()), {
    kind: b.kind,
    testType,
    isContact: b.isContact,
    symptomatic: b.symptomatic,
  });
  if (!decision.confirms) throw new AppError('CASE_NOT_CONFIRMED', undefined, decision.reason);
  const opened = await openCaseForPerson(
    tx,
    person.id,
    {
      kind: b.kind,
      testType,
      sampleDate: b.sampleDate,
      ruleVersion: decision.ruleVersion,
      note: b.confirmedBy ?? null,
    },
    {
      symptomOnset: b.symptomOnset ?? null,
      treatment: b.treatmentKind
        ? { kind: b.treatmentKind, facility: b.treatmentFacility ?? null }
        : undefined,
      audit: ctx,
    },
  );
  const c = (await findCase(tx, opened.caseId))!;
  return { id: c.id, opened: opened.opened, version: c.version };
}

const FIELDS: [keyof CasePatchBody, string][] = [
  ['symptomOnset', 'symptom_onset'],
  ['classification', 'classification'],
  ['isolatedAt', 'isolated_at'],
  ['sourceCaseId', 'source_case_id'],
  ['clusterId', 'cluster_id'],
];

/** Changes the record's fields (optimistic version); a death closes the case. */
export async function patchCase(tx: Queryable, ctx: AuditContext, id: string, b: CasePatchBody) {
  const c = await caseForChange(tx, ctx, id, 'case.manage');
  checkVersion(c, b.version);
  if (c.status === 'closed') throw new AppError('CASE_CLOSED');
  const errors = [];
  const levels = homeCareRulesInForce(new Date()).severityLevels.map((l) => l.id);
  if (b.classification && !levels.includes(b.classification))
    errors.push(
      fieldError(
        'classification',
        'unknown',
        'Mức độ không có trong danh mục',
        'Not a severity level of the rules',
      ),
    );
  if (b.symptomOnset && b.symptomOnset > vietnamDay(new Date()))
    errors.push(fieldError('symptomOnset', 'future', 'Ngày khởi phát ở tương lai', 'Onset is in the future'));
  if (b.sourceCaseId && (b.sourceCaseId === c.id || !(await findCase(tx, b.sourceCaseId))))
    errors.push(fieldError('sourceCaseId', 'unknown', 'Không có ca nguồn này', 'No such source case'));
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
  const sets: string[] = [];
  const params: Param[] = [c.id];
  const changed: string[] = [];
  for (const [key, column] of FIELDS) {
    if (b[key] === undefined) continue;
    params.push(b[key] as Param);
    sets.push(`${column} = $${params.length}`);
    changed.push(key);
  }
  if (b.outcome === 'died') {
    sets.push(`status = 'closed', outcome = 'died', closed_at = now()`);
    changed.push('status', 'outcome');
  }
  if (!changed.length) return c.version;
  const version = c.version + 1;
  params.push(version);
  await tx.query(
    `update cases set ${sets.join(', ')}, version = $${params.length}, updated_at = now() where id = $1`,
    params,
  );
  await addHistory(tx, c.id, version, changed, accountOf(ctx));
  await recordAudit(tx, ctx, {
    action: 'case.update',
    personId: c.person_id,
    details: { caseId: c.id, changed },
  });
  await emitEvent(tx, 'case.updated', { caseId: c.id, personId: c.person_id, changed });
  return version;
}

/** A move of the place of treatment: a history row, and the current place on the case. */
export async function transferCase(tx: Queryable, ctx: AuditContext, id: string, b: TransferBody) {
  const c = await caseForChange(tx, ctx, id, 'case.manage');
  checkVersion(c, b.version);
  if (c.status === 'closed') throw new AppError('CASE_CLOSED');
  if (b.kind !== 'home' && !b.facility?.trim())
    throw new AppError('VALIDATION_FAILED', [
      fieldError('facility', 'required', 'Cần tên cơ sở điều trị', 'The facility is required'),
    ]);
  await tx.query(
    `insert into case_treatment_places (case_id, kind, facility, recorded_by_account_id, note)
     values ($1, $2, $3, $4, $5)`,
    [c.id, b.kind, b.facility?.trim() || null, accountOf(ctx), b.note ?? null],
  );
  const version = c.version + 1;
  await tx.query(
    `update cases set treatment_kind = $2, treatment_facility = $3, version = $4, updated_at = now() where id = $1`,
    [c.id, b.kind, b.facility?.trim() || null, version],
  );
  const changed = ['treatment'];
  await addHistory(tx, c.id, version, changed, accountOf(ctx));
  await recordAudit(tx, ctx, {
    action: 'case.transfer',
    personId: c.person_id,
    details: { caseId: c.id, kind: b.kind },
  });
  await emitEvent(tx, 'case.updated', { caseId: c.id, personId: c.person_id, changed });
  return version;
}
