import type { UnitStructure } from '../../core/units/structure';
import type { Queryable } from '../../core/db/db';
import { ensureMonthlyPartitions } from '../../core/db/partitions';
import type { Answers, DeclarationKind, QuestionSet } from './declarations.questions';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

export interface DeclarationRow {
  id: string;
  person_id: string;
  declared_by_account_id: string | null;
  declared_by_person_id: string | null;
  kind: DeclarationKind;
  question_set_version: string;
  answers: Answers;
  has_warning: boolean;
  warning_questions: string[];
  fact_kinds: string[];
  venue_id: string | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  created_at: Date;
}

export interface NewDeclaration {
  personId: string;
  declaredByAccountId: string | null;
  declaredByPersonId: string | null;
  kind: DeclarationKind;
  questionSetVersion: string;
  answers: Answers;
  warningQuestions: string[];
  factKinds: string[];
  venueId: string | null;
  communeCode: string;
  districtCode: string | null;
  provinceCode: string;
}

interface SetRow {
  version: string;
  kind: DeclarationKind;
  effective_from: Date;
  questions: QuestionSet['questions'];
}

const toSet = (r: SetRow): QuestionSet => ({
  version: r.version,
  kind: r.kind,
  effectiveFrom: r.effective_from.toISOString(),
  questions: r.questions,
});

/** The set of `kind` in force at `at`: the latest `effective_from` not after it. */
export async function questionSetInForce(
  q: Queryable,
  kind: DeclarationKind,
  at: Date,
): Promise<QuestionSet | undefined> {
  const rows = await q.query<SetRow>(
    `select version, kind, effective_from, questions from question_sets
      where kind = $1 and effective_from <= $2 order by effective_from desc limit 1`,
    [kind, at],
  );
  return rows[0] && toSet(rows[0]);
}

export async function insertQuestionSet(q: Queryable, set: QuestionSet): Promise<void> {
  await q.query(
    'insert into question_sets (version, kind, effective_from, questions) values ($1, $2, $3, $4)',
    [set.version, set.kind, set.effectiveFrom, JSON.stringify(set.questions)],
  );
}

export async function provinceCodes(q: Queryable): Promise<Set<string>> {
  const rows = await q.query<{ code: string }>(
    `select code from unit_brief where structure = ${DEPLOYMENT_STRUCTURE_SQL} and level = 1`,
  );
  return new Set(rows.map((r) => r.code));
}

export async function insertDeclaration(tx: Queryable, d: NewDeclaration): Promise<DeclarationRow> {
  const rows = await tx.query<DeclarationRow>(
    `insert into declarations (person_id, declared_by_account_id, declared_by_person_id, kind,
       question_set_version, answers, has_warning, warning_questions, fact_kinds, venue_id,
       commune_code, district_code, province_code)
     values ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13) returning *`,
    [
      d.personId,
      d.declaredByAccountId,
      d.declaredByPersonId,
      d.kind,
      d.questionSetVersion,
      JSON.stringify(d.answers),
      d.warningQuestions.length > 0,
      d.warningQuestions,
      d.factKinds,
      d.venueId,
      d.communeCode,
      d.districtCode,
      d.provinceCode,
    ],
  );
  return rows[0]!;
}

export async function ensureDeclarationPartitions(q: Queryable, from: Date, months: number) {
  return ensureMonthlyPartitions(q, 'declarations', from, months);
}

export async function findDeclaration(q: Queryable, id: string): Promise<DeclarationRow | undefined> {
  const rows = await q.query<DeclarationRow>('select * from declarations_all where id = $1', [id]);
  return rows[0];
}

/** Newest first; `limit` bounds what one page of a person's history shows. */
export async function declarationsOf(
  q: Queryable,
  personIds: readonly string[],
  limit: number,
): Promise<DeclarationRow[]> {
  if (!personIds.length) return [];
  return q.query<DeclarationRow>(
    `select * from declarations_all where person_id = any($1::uuid[]) order by created_at desc limit $2`,
    [[...personIds], limit],
  );
}

export async function latestDeclarationRow(q: Queryable, personId: string): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(
    'select max(created_at) as at from declarations_all where person_id = $1',
    [personId],
  );
  return rows[0]?.at ?? null;
}

/** Declarations since `since` that imply a status fact (symptoms, contact with a case). */
export async function factRows(q: Queryable, personId: string, since: Date, until: Date) {
  return q.query<{ id: string; created_at: Date; fact_kinds: string[] }>(
    `select id, created_at, fact_kinds from declarations_all
      where person_id = $1 and created_at >= $2 and created_at <= $3 and cardinality(fact_kinds) > 0
      order by created_at desc`,
    [personId, since, until],
  );
}
