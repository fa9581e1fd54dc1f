/** API shapes of the declarations module (see /docs, tag "declarations"). */
export type DeclarationKind = 'domestic' | 'movement' | 'entry';

export type QuestionType =
  | 'yes_no'
  | 'single_select'
  | 'multi_select'
  | 'provinces'
  | 'province'
  | 'country'
  | 'countries'
  | 'commune'
  | 'text'
  | 'date';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Question {
  id: string;
  type: QuestionType;
  label: Bilingual;
  required?: boolean;
  options?: { value: string; label: Bilingual }[];
  maxLength?: number;
}

export interface QuestionSet {
  version: string;
  kind: DeclarationKind;
  effectiveFrom: string;
  questions: Question[];
}

export type Answers = Record<string, unknown>;

export interface DeclarationWarning {
  questionId: string;
  vi: string;
  en: string;
}

export interface SubmitResult {
  id: string;
  personId: string;
  kind: DeclarationKind;
  hasWarning: boolean;
  warnings: DeclarationWarning[];
  questionSetVersion: string;
  createdAt: string;
}

export interface Declaration extends SubmitResult {
  answers: Answers;
  venueId: string | null;
  declaredBy: 'self' | 'family' | 'staff';
  personName?: string;
}
