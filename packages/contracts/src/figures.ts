/**
 * Check-in points' daily figures (/api/figures/checkins, /api/venues/:id/figures): the one source of
 * truth for server and web.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Day = Type.String({ format: 'date' });

export const FigureLevelSchema = Type.Union([
  Type.Literal('province'),
  Type.Literal('district'),
  Type.Literal('commune'),
  Type.Literal('venue'),
]);
export type FigureLevel = Static<typeof FigureLevelSchema>;

export const FiguresQuery = Type.Object(
  {
    level: FigureLevelSchema,
    unitCode: Type.Optional(Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' })),
    from: Type.Optional(Day),
    to: Type.Optional(Day),
  },
  { additionalProperties: false },
);
export type FiguresQuery = Static<typeof FiguresQuery>;

export const FiguresRangeQuery = Type.Object(
  { from: Type.Optional(Day), to: Type.Optional(Day) },
  { additionalProperties: false },
);
export type FiguresRangeQuery = Static<typeof FiguresRangeQuery>;
export const FiguresVenueParams = Type.Object({ id: Type.String({ format: 'uuid' }) });

export const FigureRowSchema = Type.Object({
  unitCode: Type.String(),
  unitName: Type.String(),
  day: Type.String(),
  points: Type.Integer(),
  checkins: Type.Integer(),
  declarations: Type.Integer(),
});
export type FigureRow = Static<typeof FigureRowSchema>;

export const FiguresResultSchema = Type.Object({
  level: FigureLevelSchema,
  unitCode: Nullable(Type.String()),
  unitName: Nullable(Type.String()),
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(FigureRowSchema),
});
export type FiguresResult = Static<typeof FiguresResultSchema>;
