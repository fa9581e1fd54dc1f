import { type AuditContext, recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { baseOf, type Db, type Queryable } from '../../core/db/db';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { locationOfCommune } from '../geo';
import { emitEvent } from '../../core/events/emit';
import { addWorklistItem } from '../worklist';
import {
  evaluateWarnings,
  normalizeAnswers,
  validateAnswers,
  type Answers,
  type DeclarationKind,
  type QuestionSet,
} from './declarations.questions';
import {
  ensureDeclarationPartitions,
  insertDeclaration,
  provinceCodes,
  questionSetInForce,
} from './declarations.repository';
import { resolveSubject } from './declarations.subject';
import type { SubmitResult } from './declarations.view';
import type { SubmitInput } from '@phongdich/contracts/declarations';

export type { SubmitInput };

let provinces: Set<string> | undefined;
const ensuredMonths = new WeakMap<object, string>();

/** This month's partition exists before the first insert of the month (the daily job makes them ahead). */
async function ensureCurrentPartition(db: Db, now: Date): Promise<void> {
  const month = now.toISOString().slice(0, 7);
  if (ensuredMonths.get(baseOf(db)) === month) return;
  await ensureDeclarationPartitions(db, now, 2);
  ensuredMonths.set(baseOf(db), month);
}

export async function questionSetFor(
  q: Queryable,
  kind: DeclarationKind,
  at = new Date(),
): Promise<QuestionSet> {
  const set = await questionSetInForce(q, kind, at);
  if (!set) throw new AppError('QUESTION_SET_NOT_FOUND');
  return set;
}

/** Shape and value checks of every answer, then that each commune answered exists. */
async function checkAnswers(db: Db, set: QuestionSet, answers: Answers) {
  provinces ??= await provinceCodes(db);
  const errors = validateAnswers(set, answers, { provinces });
  for (const q of set.questions) {
    const v = answers[q.id];
    if (q.type !== 'commune' || typeof v !== 'string' || errors.some((e) => e.field === `answers.${q.id}`))
      continue;
    if (!(await locationOfCommune(db, v))) {
      errors.push(
        fieldError(
          `answers.${q.id}`,
          'COMMUNE_NOT_FOUND',
          'Không tìm thấy xã/phường này.',
          'No such commune.',
        ),
      );
    }
  }
  assertNoFieldErrors(errors);
}

const WARNING_TITLE = {
  vi: 'Tờ khai y tế có dấu hiệu cần theo dõi',
  en: 'Health declaration with warning answers',
};

export function declarationsService(db: Db) {
  return {
    questions: (kind: DeclarationKind) => questionSetFor(db, kind),

    /**
     * Records a declaration (idempotent with a key). Warning answers put an item on the worklist of the
     * commune where the person lives, in the same transaction as the declaration, event and audit.
     */
    async submit(ctx: AuditContext, input: SubmitInput, idempotencyKey?: string) {
      authorize(ctx.actor, 'declaration.submit');
      const actor = ctx.actor;
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      if (actor.kind === 'citizen' && input.visitor) {
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'visitor',
            'STAFF_ONLY',
            'Chỉ nhân viên điểm kiểm soát khai báo hộ.',
            'Only venue staff declare for visitors.',
          ),
        ]);
      }
      const now = new Date();
      const set = await questionSetFor(db, input.kind, now);
      await checkAnswers(db, set, input.answers);
      const answers = normalizeAnswers(set, input.answers);
      const warnings = evaluateWarnings(set, answers);
      await ensureCurrentPartition(db, now);
      return runIdempotent(
        db,
        {
          scope: idempotencyScope('POST /api/declarations', actor),
          key: idempotencyKey,
          body: input,
          status: 201,
        },
        async (tx): Promise<SubmitResult> => {
          const subject = await resolveSubject(tx, ctx, input);
          const p = subject.person;
          const row = await insertDeclaration(tx, {
            personId: p.id,
            declaredByAccountId: actor.accountId,
            declaredByPersonId: subject.declaredByPersonId,
            kind: input.kind,
            questionSetVersion: set.version,
            answers,
            warningQuestions: warnings.map((w) => w.questionId),
            factKinds: [...new Set(warnings.flatMap((w) => (w.fact ? [w.fact] : [])))],
            venueId: input.venueId ?? null,
            communeCode: p.commune_code,
            districtCode: p.district_code,
            provinceCode: p.province_code,
          });
          if (warnings.length) {
            await addWorklistItem(tx, {
              kind: 'declaration_warning',
              personId: p.id,
              communeCode: p.commune_code,
              title: WARNING_TITLE,
              sourceType: 'declaration',
              sourceId: row.id,
              priority: warnings.some((w) => w.fact === 'contact_reported') ? 'high' : 'normal',
              data: { declarationKind: input.kind, questionIds: warnings.map((w) => w.questionId) },
            });
          }
          await emitEvent(tx, 'declaration.submitted', {
            declarationId: row.id,
            personId: p.id,
            hasWarning: warnings.length > 0,
          });
          await recordAudit(tx, ctx, {
            action: 'declaration.create',
            personId: p.id,
            details: {
              declarationId: row.id,
              kind: input.kind,
              questionSetVersion: set.version,
              hasWarning: warnings.length > 0,
              as: subject.relation,
              venueId: input.venueId ?? null,
            },
          });
          return {
            id: row.id,
            personId: p.id,
            kind: input.kind,
            hasWarning: warnings.length > 0,
            warnings: warnings.map(({ questionId, vi, en }) => ({ questionId, vi, en })),
            questionSetVersion: set.version,
            createdAt: row.created_at.toISOString(),
          };
        },
      );
    },
  };
}
