/**
 * Health declarations' HTTP shapes (question sets, submission, reads, investigation holds): the one
 * source of truth. The server validates and serializes with these schemas; the web uses the derived
 * types. Question sets themselves are data (table question_sets); this file knows their form.
 */
import { Type, type Static } from 'typebox';
import { BilingualSchema } from './status';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

export const DECLARATION_KINDS = ['domestic', 'movement', 'entry'] as const;
export const DeclarationKindSchema = Type.Enum(DECLARATION_KINDS);
export type DeclarationKind = (typeof DECLARATION_KINDS)[number];

export const QUESTION_TYPES = [
  'yes_no',
  'single_select',
  'multi_select',
  'provinces',
  'province',
  'country',
  'countries',
  'commune',
  'text',
  'date',
] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A warning rule: `equals` for yes/no, `anyOf` for choices; `fact` feeds the QR colour. */
export const WarningRuleSchema = Type.Object({
  when: Type.Object({
    equals: Type.Optional(Type.Boolean()),
    anyOf: Type.Optional(Type.Array(Type.String())),
  }),
  message: BilingualSchema,
  fact: Type.Optional(Type.Union([Type.Literal('symptoms_reported'), Type.Literal('contact_reported')])),
});
export type WarningRule = Static<typeof WarningRuleSchema>;

export const QuestionSchema = Type.Object({
  id: Type.String(),
  type: Type.Enum(QUESTION_TYPES),
  label: BilingualSchema,
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: BilingualSchema }))),
  maxLength: Type.Optional(Type.Integer()),
  warning: Type.Optional(WarningRuleSchema),
});
export type Question = Static<typeof QuestionSchema>;

export const QuestionSetSchema = Type.Object({
  version: Type.String(),
  kind: DeclarationKindSchema,
  effectiveFrom: Type.String(),
  questions: Type.Array(QuestionSchema),
});
export type QuestionSet = Static<typeof QuestionSetSchema>;

export type Answers = Record<string, unknown>;

export const KindQuery = Type.Object({ kind: DeclarationKindSchema }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid });

/** A visitor identified by venue staff: CCCD and/or phone, plus what is needed to register them. */
export const VisitorSchema = Type.Object(
  {
    cccd: Type.Optional(Type.String({ maxLength: 20 })),
    phone: Type.Optional(Type.String({ maxLength: 20 })),
    fullName: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1900, maximum: 2100 })),
    birthDate: Type.Optional(Type.String({ format: 'date' })),
    sex: Type.Optional(Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('other')])),
    communeCode: Type.Optional(Type.String({ maxLength: 10 })),
    street: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type VisitorInput = Static<typeof VisitorSchema>;

/** Answers are checked against the question set in force by the service, not by this schema. */
export const SubmitBody = Type.Object(
  {
    kind: DeclarationKindSchema,
    personId: Type.Optional(Uuid),
    answers: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 100 }),
    venueId: Type.Optional(Uuid),
    visitor: Type.Optional(VisitorSchema),
  },
  { additionalProperties: false },
);
export type SubmitInput = Static<typeof SubmitBody>;

export const DeclarationWarningSchema = Type.Object({
  questionId: Type.String(),
  vi: Type.String(),
  en: Type.String(),
});
export type DeclarationWarning = Static<typeof DeclarationWarningSchema>;

const resultFields = {
  id: Uuid,
  personId: Uuid,
  kind: DeclarationKindSchema,
  hasWarning: Type.Boolean(),
  warnings: Type.Array(DeclarationWarningSchema),
  questionSetVersion: Type.String(),
  createdAt: Type.String(),
};

export const SubmitResultSchema = Type.Object(resultFields);
export type SubmitResult = Static<typeof SubmitResultSchema>;

export const DeclarationSchema = Type.Object({
  ...resultFields,
  answers: Type.Record(Type.String(), Type.Unknown()),
  venueId: Nullable(Uuid),
  declaredBy: Type.Union([Type.Literal('self'), Type.Literal('family'), Type.Literal('staff')]),
  personName: Type.Optional(Type.String()),
});
export type Declaration = Static<typeof DeclarationSchema>;

export const DeclarationList = Type.Object({ items: Type.Array(DeclarationSchema) });
export type DeclarationList = Static<typeof DeclarationList>;

// Investigation holds of a person's declarations.

export const HoldBody = Type.Object(
  {
    until: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type HoldBody = Static<typeof HoldBody>;

export const DeclarationHoldSchema = Type.Object({
  id: Uuid,
  personId: Uuid,
  heldUntil: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: Nullable(Type.String()),
  /** Ended early by an officer (null: runs, or ran, to heldUntil). */
  releasedAt: Nullable(Type.String({ format: 'date-time' })),
  releasedByName: Nullable(Type.String()),
  /** The person's commune, so an area-wide list reads without names. */
  personCommuneName: Type.Optional(Nullable(Type.String())),
});
export type DeclarationHold = Static<typeof DeclarationHoldSchema>;
export const DeclarationHoldList = Type.Object({ items: Type.Array(DeclarationHoldSchema) });

export const HoldQuery = Type.Object(
  { active: Type.Optional(Type.Boolean()) },
  { additionalProperties: false },
);
export const AreaHoldQuery = Type.Object(
  {
    active: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type AreaHoldQuery = Static<typeof AreaHoldQuery>;
export const ReleaseBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
