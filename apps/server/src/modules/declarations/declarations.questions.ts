import type { FieldError, FieldErrorCode } from '@phongdich/contracts';
import {
  DECLARATION_KINDS,
  QUESTION_TYPES,
  type Answers,
  type DeclarationKind,
  type Question,
  type QuestionSet,
  type QuestionType,
  type WarningRule,
} from '@phongdich/contracts/declarations';
import { fieldError } from '../../core/errors';

/**
 * Question sets are data (table `question_sets`): this file only knows the question TYPES, how to
 * check an answer against its question and which answers raise a warning. Pure, no I/O.
 */
export { DECLARATION_KINDS, QUESTION_TYPES };
export type { Answers, DeclarationKind, Question, QuestionSet, QuestionType, WarningRule };

export interface Warning {
  questionId: string;
  vi: string;
  en: string;
  fact?: WarningRule['fact'];
}

/** Unit codes a set refers to, checked against the registry by the caller. */
export interface CodeLookups {
  provinces: ReadonlySet<string>;
}

const MAX_ITEMS = 64;
const DEFAULT_TEXT_MAX = 200;
const ISO_COUNTRY = /^[A-Z]{2}$/;
const COMMUNE = /^\d{5}$/;

const problem = (id: string, code: FieldErrorCode, vi: string, en: string) =>
  fieldError(`answers.${id}`, code, vi, en);

function validDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

const isStringList = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length <= MAX_ITEMS && v.every((x) => typeof x === 'string');

/** Checks one answer's shape; returns an error for a wrong type or value, else null. */
function checkAnswer(q: Question, v: unknown, lookups: CodeLookups): FieldError | null {
  const wrongType = (vi: string, en: string) => problem(q.id, 'WRONG_TYPE', vi, en);
  const badValue = (vi: string, en: string) => problem(q.id, 'INVALID_VALUE', vi, en);
  const options = new Set((q.options ?? []).map((o) => o.value));
  switch (q.type) {
    case 'yes_no':
      return typeof v === 'boolean' ? null : wrongType('Cần trả lời Có hoặc Không.', 'Expected yes or no.');
    case 'single_select':
      if (typeof v !== 'string') return wrongType('Cần chọn một phương án.', 'Expected one option.');
      return options.has(v) ? null : badValue('Phương án không hợp lệ.', 'Not one of the options.');
    case 'multi_select':
      if (!isStringList(v)) return wrongType('Cần một danh sách lựa chọn.', 'Expected a list of options.');
      return v.every((x) => options.has(x))
        ? null
        : badValue('Có phương án không hợp lệ.', 'A choice is not one of the options.');
    case 'province':
    case 'provinces': {
      const list = q.type === 'province' ? (typeof v === 'string' ? [v] : null) : isStringList(v) ? v : null;
      if (!list) return wrongType('Cần mã tỉnh/thành phố.', 'Expected province codes.');
      return list.every((c) => lookups.provinces.has(c))
        ? null
        : badValue('Mã tỉnh/thành phố không tồn tại.', 'Unknown province code.');
    }
    case 'country':
    case 'countries': {
      const list = q.type === 'country' ? (typeof v === 'string' ? [v] : null) : isStringList(v) ? v : null;
      if (!list) return wrongType('Cần mã quốc gia.', 'Expected country codes.');
      return list.every((c) => ISO_COUNTRY.test(c))
        ? null
        : badValue(
            'Mã quốc gia gồm 2 chữ cái (ISO), ví dụ SG.',
            'Country codes are 2 letters (ISO), e.g. SG.',
          );
    }
    case 'commune':
      if (typeof v !== 'string') return wrongType('Cần mã xã/phường.', 'Expected a commune code.');
      return COMMUNE.test(v) ? null : badValue('Mã xã/phường gồm 5 chữ số.', 'Commune codes have 5 digits.');
    case 'text':
      if (typeof v !== 'string') return wrongType('Cần một đoạn chữ.', 'Expected text.');
      return v.length <= (q.maxLength ?? DEFAULT_TEXT_MAX)
        ? null
        : badValue('Nội dung quá dài.', 'Text too long.');
    case 'date':
      if (typeof v !== 'string') return wrongType('Cần một ngày.', 'Expected a date.');
      return validDate(v) ? null : badValue('Ngày không hợp lệ (YYYY-MM-DD).', 'Invalid date (YYYY-MM-DD).');
  }
}

const isBlank = (v: unknown) => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Every problem with the answers, keyed `answers.<questionId>`: unknown questions, wrong types or
 * values, and missing required answers. An empty list means the answers fit the set.
 */
export function validateAnswers(set: QuestionSet, answers: Answers, lookups: CodeLookups): FieldError[] {
  const errors: FieldError[] = [];
  const byId = new Map(set.questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!byId.has(id)) {
      errors.push(problem(id, 'UNKNOWN_QUESTION', 'Câu hỏi không có trong tờ khai.', 'No such question.'));
    }
  }
  for (const q of set.questions) {
    const v = answers[q.id];
    if (isBlank(v)) {
      if (q.required)
        errors.push(problem(q.id, 'REQUIRED', 'Cần trả lời câu này.', 'An answer is required.'));
      continue;
    }
    const e = checkAnswer(q, typeof v === 'string' ? v.trim() : v, lookups);
    if (e) errors.push(e);
  }
  return errors;
}

/** Answers as stored: trimmed strings, blanks dropped, in the set's question order. */
export function normalizeAnswers(set: QuestionSet, answers: Answers): Answers {
  const out: Answers = {};
  for (const q of set.questions) {
    const v = answers[q.id];
    if (isBlank(v)) continue;
    out[q.id] = typeof v === 'string' ? v.trim() : v;
  }
  return out;
}

/** The warnings the (valid) answers raise, in question order. */
export function evaluateWarnings(set: QuestionSet, answers: Answers): Warning[] {
  const warnings: Warning[] = [];
  for (const q of set.questions) {
    const rule = q.warning;
    const v = answers[q.id];
    if (!rule || v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    const hit =
      (rule.when.equals !== undefined && v === rule.when.equals) ||
      (rule.when.anyOf?.some((x) => values.includes(x)) ?? false);
    if (hit) warnings.push({ questionId: q.id, ...rule.message, ...(rule.fact ? { fact: rule.fact } : {}) });
  }
  return warnings;
}

/** The set in force at `at` among `sets` of one kind: the latest `effectiveFrom` not after it. */
export function setInForce<T extends { effectiveFrom: string }>(sets: T[], at: Date): T | undefined {
  return sets
    .filter((s) => new Date(s.effectiveFrom).getTime() <= at.getTime())
    .sort((a, b) => new Date(b.effectiveFrom).getTime() - new Date(a.effectiveFrom).getTime())[0];
}
