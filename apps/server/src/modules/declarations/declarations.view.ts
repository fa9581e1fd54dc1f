import type { Queryable } from '../../core/db/db';
import type { Answers, DeclarationKind, QuestionSet } from './declarations.questions';
import type { DeclarationRow } from './declarations.repository';

export interface WarningView {
  questionId: string;
  vi: string;
  en: string;
}

/** What POST /api/declarations answers. */
export interface SubmitResult {
  id: string;
  personId: string;
  kind: DeclarationKind;
  hasWarning: boolean;
  warnings: WarningView[];
  questionSetVersion: string;
  createdAt: string;
}

export interface DeclarationView extends SubmitResult {
  answers: Answers;
  venueId: string | null;
  declaredBy: 'self' | 'family' | 'staff';
  personName?: string;
}

/** Versions never change once in force, so they are cached for the process's life. */
const setCache = new Map<string, QuestionSet>();

export async function questionSetByVersion(q: Queryable, version: string): Promise<QuestionSet | undefined> {
  const hit = setCache.get(version);
  if (hit) return hit;
  const rows = await q.query<{
    version: string;
    kind: DeclarationKind;
    effective_from: Date;
    questions: QuestionSet['questions'];
  }>('select version, kind, effective_from, questions from question_sets where version = $1', [version]);
  const r = rows[0];
  if (!r) return undefined;
  const set = {
    version: r.version,
    kind: r.kind,
    effectiveFrom: r.effective_from.toISOString(),
    questions: r.questions,
  };
  setCache.set(version, set);
  return set;
}

/** The warning texts of the questions that raised one, from the version the person answered. */
export function warningsOf(set: QuestionSet | undefined, questionIds: string[]): WarningView[] {
  return questionIds.map((id) => {
    const message = set?.questions.find((q) => q.id === id)?.warning?.message;
    return { questionId: id, vi: message?.vi ?? id, en: message?.en ?? id };
  });
}

export async function toView(
  q: Queryable,
  row: DeclarationRow,
  personName?: string,
): Promise<DeclarationView> {
  const set = await questionSetByVersion(q, row.question_set_version);
  return {
    id: row.id,
    personId: row.person_id,
    kind: row.kind,
    hasWarning: row.has_warning,
    warnings: warningsOf(set, row.warning_questions),
    questionSetVersion: row.question_set_version,
    createdAt: row.created_at.toISOString(),
    answers: row.answers,
    venueId: row.venue_id,
    declaredBy: !row.declared_by_person_id
      ? 'staff'
      : row.declared_by_person_id === row.person_id
        ? 'self'
        : 'family',
    ...(personName ? { personName } : {}),
  };
}
