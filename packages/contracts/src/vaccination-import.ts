/**
 * Vaccination imports' HTTP shapes (issue #12 §4, task vaccimport): the one source of truth for the
 * server's validation and the web's types.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const DOSE_IMPORT_COLUMNS = [
  'fullName',
  'birth',
  'sex',
  'idNumber',
  'bhyt',
  'phone',
  'commune',
  'address',
  'product',
  'date',
  'lot',
] as const;
export type DoseImportColumn = (typeof DOSE_IMPORT_COLUMNS)[number];

const ColumnPositions = Type.Record(Type.String(), Type.Integer({ minimum: 0 }));
const Text = Type.Object({ vi: Type.String(), en: Type.String() });

export const ImportIdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ImportRowParams = Type.Object({
  id: Type.String({ format: 'uuid' }),
  row: Type.Integer({ minimum: 1 }),
});
export const ImportUploadQuery = Type.Object({
  communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
});
export const ImportRowsQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('error'), Type.Literal('review'), Type.Literal('all')])),
});

export const ImportView = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('processing'), Type.Literal('done'), Type.Literal('failed')]),
  format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
  headerRow: Type.Integer(),
  columns: ColumnPositions,
  rowsTotal: Type.Integer(),
  rowsDone: Type.Integer(),
  rowsFailed: Type.Integer(),
  rowsReview: Type.Integer(),
  rowsDuplicate: Type.Integer(),
  dosesCreated: Type.Integer(),
  peopleCreated: Type.Integer(),
  createdAt: Type.String(),
  finishedAt: Nullable(Type.String()),
});
export type ImportView = Static<typeof ImportView>;
export const ImportAccepted = Type.Intersect([ImportView, Type.Object({ duplicate: Type.Boolean() })]);
export type ImportAccepted = Static<typeof ImportAccepted>;

export const ImportPreview = Type.Object({
  headerRow: Type.Integer(),
  header: Type.Array(Type.String()),
  columns: ColumnPositions,
  missing: Type.Array(Type.String()),
  hasPerson: Type.Boolean(),
  rows: Type.Integer(),
  labels: Type.Record(Type.String(), Text),
});
export type ImportPreview = Static<typeof ImportPreview>;

/** For each column, the header text of the officer's own file. */
export const ColumnMapBody = Type.Record(Type.String({ maxLength: 20 }), Type.String({ maxLength: 200 }), {
  maxProperties: 20,
});
export type ColumnMapBody = Static<typeof ColumnMapBody>;

const Candidate = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  birthDate: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  communeCode: Nullable(Type.String()),
  cccd: Nullable(Type.String()),
  phone: Nullable(Type.String()),
});
export const ImportRow = Type.Object({
  row: Type.Integer(),
  status: Type.String(),
  errors: Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Text })),
  data: Nullable(Type.Record(Type.String(), Type.Unknown())),
  personId: Nullable(Type.String()),
  candidates: Type.Array(Candidate),
});
export type ImportRow = Static<typeof ImportRow>;
/** The rows to fix and to review of one import (GET /api/vaccination/imports/:id/rows). */
export const ImportRowList = Type.Array(ImportRow);
export type ImportCandidate = Static<typeof Candidate>;

export const ResolveBody = Type.Union([
  Type.Object(
    { action: Type.Literal('pick'), personId: Type.String({ format: 'uuid' }) },
    { additionalProperties: false },
  ),
  Type.Object({ action: Type.Literal('create') }, { additionalProperties: false }),
  Type.Object({ action: Type.Literal('reject') }, { additionalProperties: false }),
]);
export type ResolveBody = Static<typeof ResolveBody>;
export const ResolveResult = Type.Object({
  row: Type.Integer(),
  status: Type.Union([Type.Literal('resolved'), Type.Literal('rejected')]),
  personId: Nullable(Type.String()),
  doseId: Nullable(Type.String()),
});
