/**
 * The worklist's HTTP shapes (officers' follow-ups and the area summary on their home page): the one
 * source of truth. The server validates and serializes with these schemas; the web uses the static
 * types derived from them.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const WorklistStatusSchema = Type.Union([
  Type.Literal('open'),
  Type.Literal('in_progress'),
  Type.Literal('done'),
]);
export type WorklistStatus = Static<typeof WorklistStatusSchema>;

export const WorklistItemSchema = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  personId: Nullable(Type.String()),
  personName: Nullable(Type.String()),
  personMasked: Type.Boolean(),
  communeCode: Type.String(),
  title: Type.Object({ vi: Type.String(), en: Type.String() }),
  priority: Type.Union([Type.Literal('normal'), Type.Literal('high')]),
  sourceType: Type.String(),
  sourceId: Type.String(),
  data: Type.Object({}, { additionalProperties: true }),
  status: WorklistStatusSchema,
  note: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type WorklistItem = Static<typeof WorklistItemSchema>;

export const WorklistQuery = Type.Object({
  status: Type.Optional(WorklistStatusSchema),
  kind: Type.Optional(Type.String({ maxLength: 64 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
  before: Type.Optional(Type.String({ format: 'date-time' })),
});
export type WorklistQuery = Static<typeof WorklistQuery>;

export const WorklistList = Type.Object({ items: Type.Array(WorklistItemSchema) });
export type WorklistList = Static<typeof WorklistList>;

export const WorklistItemParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const WorklistPatch = Type.Object(
  { status: WorklistStatusSchema, note: Type.Optional(Type.String({ maxLength: 2000 })) },
  { additionalProperties: false },
);
export type WorklistPatch = Static<typeof WorklistPatch>;

export const AreaSummarySchema = Type.Object({
  openItems: Type.Integer(),
  checkinsToday: Type.Integer(),
  resultsToday: Type.Integer(),
  positiveToday: Type.Integer(),
  since: Type.String(),
});
export type AreaSummary = Static<typeof AreaSummarySchema>;
