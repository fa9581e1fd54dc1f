/**
 * Administrative units' HTTP shapes (/api/units and the move to the 2025 map): the one source of truth.
 * The server validates and serializes with these schemas; the web uses the static types derived from them.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

/** Page sizes of the unit search (the server's default and cap). */
export const UNIT_SEARCH_DEFAULT_LIMIT = 20;
export const UNIT_SEARCH_MAX_LIMIT = 100;

export const StructureSchema = Type.Union([Type.Literal('pre2025'), Type.Literal('2025')], {
  description: "'pre2025' (3 levels) or '2025' (2 levels since 1/7/2025); default: the deployment's",
});
const CodeSchema = Type.String({ pattern: '^([0-9]{2}|[0-9]{3}|[0-9]{5})$', description: 'GSO code' });

export const UnitSchema = Type.Object({
  code: Type.String(),
  level: Type.Union([Type.Literal(1), Type.Literal(2), Type.Literal(3)], {
    description: '1 province, 2 district, 3 commune',
  }),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  fullNameEn: Type.String(),
  type: Type.String(),
  parentCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  districtCode: Nullable(Type.String()),
  population: Type.Optional(Type.Integer({ description: '2019 census, pre-2025 provinces only' })),
});
export type Unit = Static<typeof UnitSchema>;

export const UnitSearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    parentCode: Type.Optional(CodeSchema),
    structure: Type.Optional(StructureSchema),
    limit: Type.Optional(
      Type.Integer({ minimum: 1, maximum: UNIT_SEARCH_MAX_LIMIT, default: UNIT_SEARCH_DEFAULT_LIMIT }),
    ),
  },
  { additionalProperties: false },
);
export type UnitSearchQuery = Static<typeof UnitSearchQuery>;

export const UnitStructureQuery = Type.Object(
  { structure: Type.Optional(StructureSchema) },
  { additionalProperties: false },
);
export const UnitCodeParams = Type.Object({ code: CodeSchema });
export const UnitList = Type.Object({ items: Type.Array(UnitSchema) });
export type UnitList = Static<typeof UnitList>;

export const UnitDetailSchema = Type.Object({
  unit: UnitSchema,
  ancestors: Type.Array(UnitSchema),
  childCount: Type.Integer(),
  mapping2025: Type.Optional(Type.Array(UnitSchema)),
});
export type UnitDetail = Static<typeof UnitDetailSchema>;

// The move to the 2025 map (administrator's page).

export const MoveTableProgressSchema = Type.Object({
  after: Nullable(Type.String()),
  moved: Type.Integer(),
  review: Type.Integer(),
  done: Type.Boolean(),
});
export type MoveTableProgress = Static<typeof MoveTableProgressSchema>;

export const MoveRunSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done')]),
  progress: Type.Record(Type.String(), MoveTableProgressSchema),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Nullable(Type.String({ format: 'date-time' })),
});
export type MoveRun = Static<typeof MoveRunSchema>;

export const MoveRunAnswer = Type.Object({ run: Nullable(MoveRunSchema) });
export type MoveRunAnswer = Static<typeof MoveRunAnswer>;

export const MoveStepBody = Type.Object(
  { batches: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 20 })) },
  { additionalProperties: false },
);

const ReviewStatus = Type.Union([Type.Literal('open'), Type.Literal('resolved')]);
export const MoveReviewSchema = Type.Object({
  id: Type.String(),
  table: Type.String(),
  reason: Type.Union([Type.Literal('split'), Type.Literal('unmapped'), Type.Literal('district')]),
  oldPath: Type.String(),
  oldName: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  candidates: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  status: ReviewStatus,
  resolvedCode: Nullable(Type.String()),
});
export type MoveReview = Static<typeof MoveReviewSchema>;

export const MoveReviewQuery = Type.Object(
  {
    status: Type.Optional(ReviewStatus),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
export type MoveReviewQuery = Static<typeof MoveReviewQuery>;
export const MoveReviewList = Type.Object({ items: Type.Array(MoveReviewSchema) });

export const MoveReviewParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const MoveResolveBody = Type.Object(
  {
    unitCode: Type.String({
      pattern: '^([0-9]{2}|[0-9]{5})$',
      description: '2025 commune (or province) code',
    }),
  },
  { additionalProperties: false },
);
