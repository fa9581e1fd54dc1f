import { Type } from 'typebox';
import { DECLARATION_KINDS, QUESTION_TYPES } from './declarations.questions';

const Bilingual = Type.Object({ vi: Type.String(), en: Type.String() });
const Kind = Type.Union(DECLARATION_KINDS.map((k) => Type.Literal(k)));
const Uuid = Type.String({ format: 'uuid' });

export const KindQuery = Type.Object({ kind: Kind }, { additionalProperties: false });
export const IdParams = Type.Object({ id: Uuid });

const QuestionSchema = Type.Object({
  id: Type.String(),
  type: Type.Union(QUESTION_TYPES.map((t) => Type.Literal(t))),
  label: Bilingual,
  required: Type.Optional(Type.Boolean()),
  options: Type.Optional(Type.Array(Type.Object({ value: Type.String(), label: Bilingual }))),
  maxLength: Type.Optional(Type.Integer()),
  warning: Type.Optional(
    Type.Object({
      when: Type.Object({
        equals: Type.Optional(Type.Boolean()),
        anyOf: Type.Optional(Type.Array(Type.String())),
      }),
      message: Bilingual,
      fact: Type.Optional(Type.String()),
    }),
  ),
});

export const QuestionSetSchema = Type.Object({
  version: Type.String(),
  kind: Kind,
  effectiveFrom: Type.String(),
  questions: Type.Array(QuestionSchema),
});

const Visitor = Type.Object(
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

/** Answers are checked against the question set in force by the service, not by this schema. */
export const SubmitBody = Type.Object(
  {
    kind: Kind,
    personId: Type.Optional(Uuid),
    answers: Type.Record(Type.String({ maxLength: 64 }), Type.Unknown(), { maxProperties: 100 }),
    venueId: Type.Optional(Uuid),
    visitor: Type.Optional(Visitor),
  },
  { additionalProperties: false },
);

const Warning = Type.Object({ questionId: Type.String(), vi: Type.String(), en: Type.String() });

const resultFields = {
  id: Uuid,
  personId: Uuid,
  kind: Kind,
  hasWarning: Type.Boolean(),
  warnings: Type.Array(Warning),
  questionSetVersion: Type.String(),
  createdAt: Type.String(),
};

export const SubmitResultSchema = Type.Object(resultFields);

export const DeclarationSchema = Type.Object({
  ...resultFields,
  answers: Type.Record(Type.String(), Type.Unknown()),
  venueId: Type.Union([Uuid, Type.Null()]),
  declaredBy: Type.Union([Type.Literal('self'), Type.Literal('family'), Type.Literal('staff')]),
  personName: Type.Optional(Type.String()),
});

export const DeclarationList = Type.Object({ items: Type.Array(DeclarationSchema) });

export const HoldBody = Type.Object(
  {
    until: Type.String({ format: 'date-time' }),
    reason: Type.String({ minLength: 3, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const HoldResult = Type.Object({
  id: Uuid,
  personId: Uuid,
  heldUntil: Type.String({ format: 'date-time' }),
  reason: Type.String(),
  active: Type.Boolean(),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: Type.Union([Type.String(), Type.Null()]),
  releasedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  releasedByName: Type.Union([Type.String(), Type.Null()]),
  /** The person's commune, so an area-wide list reads without names. */
  personCommuneName: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export const HoldList = Type.Object({ items: Type.Array(HoldResult) });
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
export const ReleaseBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
