import type { Investigation, InvestigationBody } from '@phongdich/contracts/cases';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { emitEvent } from '../../core/events/emit';
import { checkinsOfPerson } from '../checkins';
import {
  declarationsOfPerson,
  normalizeAnswers,
  provinceCodes,
  validateAnswers,
  type QuestionSet,
} from '../declarations';
import { releasedResultsSince } from '../lab';
import { familyOf } from '../people';
import type { CaseRow } from './cases.types';

const DAY = 86_400_000;

interface SetRow {
  version: string;
  effective_from: Date;
  questions: QuestionSet['questions'];
}

async function questionSet(q: Queryable, version?: string): Promise<SetRow> {
  const rows = await q.query<SetRow>(
    version
      ? 'select version, effective_from, questions from case_question_sets where version = $1'
      : 'select version, effective_from, questions from case_question_sets where effective_from <= now() order by effective_from desc limit 1',
    version ? [version] : [],
  );
  if (!rows[0]) throw new Error('no case question set in force');
  return rows[0];
}

const asSet = (s: SetRow): QuestionSet => ({
  version: s.version,
  // The declarations' checker only needs the questions; the kind is theirs, not ours.
  kind: 'domestic',
  effectiveFrom: s.effective_from.toISOString(),
  questions: s.questions,
});

/**
 * The investigation form with what the platform knows in the infectious window (2 days before onset or
 * the sample, until isolation or now): check-ins, declarations, household, recent tests.
 */
export async function investigationOf(q: Queryable, c: CaseRow): Promise<Investigation> {
  const saved = (
    await q.query<{
      question_set_version: string;
      answers: Record<string, unknown>;
      version: number;
      updated_at: Date;
    }>(
      'select question_set_version, answers, version, updated_at from case_investigations where case_id = $1',
      [c.id],
    )
  )[0];
  const set = await questionSet(q, saved?.question_set_version);
  const start = c.symptom_onset && c.symptom_onset < c.sample_date ? c.symptom_onset : c.sample_date;
  const from = new Date(Date.parse(`${start}T00:00:00+07:00`) - 2 * DAY);
  const to = c.isolated_at ?? new Date();
  const day = (d: Date) => new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
  const [checkins, declarations, household, tests] = await Promise.all([
    checkinsOfPerson(q, c.person_id, from, to),
    declarationsOfPerson(q, c.person_id, from, to),
    familyOf(q, c.person_id),
    releasedResultsSince(q, c.person_id, new Date(from.getTime() - 12 * DAY)),
  ]);
  return {
    questionSetVersion: set.version,
    questions: set.questions.map((x) => ({
      id: x.id,
      type: x.type,
      required: x.required ?? false,
      label: x.label,
      ...(x.maxLength ? { maxLength: x.maxLength } : {}),
      ...(x.options ? { options: x.options } : {}),
    })),
    answers: saved?.answers ?? {},
    version: saved?.version ?? 0,
    updatedAt: saved ? saved.updated_at.toISOString() : null,
    known: {
      windowFrom: day(from),
      windowTo: day(to),
      checkins: checkins.map((k) => ({ venueName: k.venueName, at: k.at.toISOString() })),
      declarations: declarations.map((d) => ({
        kind: d.kind,
        at: d.at.toISOString(),
        hasWarning: d.hasWarning,
      })),
      household: household.map((h) => ({ personId: h.id, fullName: h.fullName, relation: h.relation })),
      tests: tests.map((t) => ({
        barcode: t.barcode,
        result: t.result,
        testType: t.testType,
        releasedAt: t.releasedAt.toISOString(),
      })),
    },
  };
}

/** The saved answers of a case's investigation (ids of the question set as keys), or null before any. */
export async function investigationAnswers(q: Queryable, caseId: string) {
  const rows = await q.query<{ answers: Record<string, unknown> }>(
    'select answers from case_investigations where case_id = $1',
    [caseId],
  );
  return rows[0]?.answers ?? null;
}

/** Saves the answers (validated against the set; optimistic version: 0 for the first save). */
export async function saveInvestigation(tx: Queryable, ctx: AuditContext, c: CaseRow, b: InvestigationBody) {
  const saved = (
    await tx.query<{ question_set_version: string; version: number }>(
      'select question_set_version, version from case_investigations where case_id = $1 for update',
      [c.id],
    )
  )[0];
  if ((saved?.version ?? 0) !== b.version) throw new AppError('CASE_VERSION_CONFLICT');
  const set = asSet(await questionSet(tx, saved?.question_set_version));
  const errors = validateAnswers(set, b.answers, { provinces: await provinceCodes(tx) });
  if (errors.length) throw new AppError('VALIDATION_FAILED', errors);
  const answers = normalizeAnswers(set, b.answers);
  const account = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
  await tx.query(
    `insert into case_investigations (case_id, question_set_version, answers, version, updated_by_account_id)
     values ($1, $2, $3, 1, $4)
     on conflict (case_id) do update set answers = excluded.answers, version = case_investigations.version + 1,
       updated_by_account_id = excluded.updated_by_account_id, updated_at = now()`,
    [c.id, set.version, JSON.stringify(answers), account],
  );
  // Tracing reads the contacts the case named (named_contacts) when the answers change.
  await emitEvent(tx, 'case.updated', { caseId: c.id, personId: c.person_id, changed: ['investigation'] });
  await recordAudit(tx, ctx, {
    action: 'case.investigation_save',
    personId: c.person_id,
    details: { caseId: c.id, questions: Object.keys(answers) },
  });
  return (saved?.version ?? 0) + 1;
}
