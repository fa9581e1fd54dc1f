import { Type } from 'typebox';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });
export const TestTypeSchema = Type.Union([Type.Literal('rt_pcr'), Type.Literal('rapid_antigen')]);
export const SampleTypeSchema = Type.Union([
  Type.Literal('nasopharyngeal'),
  Type.Literal('oropharyngeal'),
  Type.Literal('nasal'),
  Type.Literal('saliva'),
]);
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const BarcodeParams = Type.Object({ barcode: Type.String({ maxLength: 40 }) });
export const BatchParams = Type.Object({ batchId: Type.String({ format: 'uuid' }) });

export const SessionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: Type.Union([Type.Literal('mass'), Type.Literal('routine'), Type.Literal('targeted')]),
    testType: TestTypeSchema,
    communeCode: Type.String({ pattern: '^\\d{5}$' }),
    date: Type.String({ format: 'date' }),
    sites: Type.Optional(
      Type.Array(
        Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            address: Type.Optional(Type.Union([Type.String({ maxLength: 300 }), Type.Null()])),
          },
          { additionalProperties: false },
        ),
        { maxItems: 50 },
      ),
    ),
    poolSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
    labId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);

const Progress = Type.Object({
  targets: Type.Integer(),
  targetsSampled: Type.Integer(),
  sampled: Type.Integer(),
  tubes: Type.Integer(),
});
const SessionFields = {
  id: Type.String(),
  name: Type.String(),
  kind: Type.String(),
  testType: TestTypeSchema,
  date: Type.String(),
  poolSize: Type.Integer(),
  labId: Type.Union([Type.String(), Type.Null()]),
  communeCode: Type.String(),
  districtCode: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.String(),
  status: Type.String(),
  progress: Progress,
};
export const SessionSummary = Type.Object(SessionFields);
export const SessionList = Type.Object({ items: Type.Array(SessionSummary) });
export const SessionDetail = Type.Object({
  ...SessionFields,
  sites: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      address: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  team: Type.Array(
    Type.Object({
      accountId: Type.String(),
      displayName: Type.String(),
      siteId: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export const TeamBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    siteId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const RegisterResult = Type.Object({
  sessionId: Type.String(),
  name: Type.String(),
  date: Type.String(),
  registered: Type.Boolean(),
  alreadyRegistered: Type.Boolean(),
});
export const ImportResult = Type.Object({
  rows: Type.Integer(),
  added: Type.Integer(),
  matched: Type.Integer(),
  created: Type.Integer(),
  alreadyListed: Type.Integer(),
  errors: Type.Array(
    Type.Object({ row: Type.Integer(), field: Type.String(), code: Type.String(), message: Text }),
  ),
});

export const LabelsBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 3000 }),
    testType: TestTypeSchema,
    sessionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export const LabelBatch = Type.Object({
  id: Type.String(),
  testType: TestTypeSchema,
  sessionId: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  createdAt: Type.String(),
  barcodes: Type.Array(Type.String()),
});

export const SampleBody = Type.Object(
  {
    id: Type.String({ format: 'uuid' }),
    barcode: Type.String({ minLength: 1, maxLength: 40 }),
    personId: Type.Optional(Type.String({ format: 'uuid' })),
    code: Type.Optional(Type.String({ minLength: 1, maxLength: 4096 })),
    sessionId: Type.String({ format: 'uuid' }),
    sampleType: SampleTypeSchema,
    collectedAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export const TubeSchema = Type.Object({
  barcode: Type.String(),
  status: Type.String(),
  sealed: Type.Boolean(),
  sessionId: Type.Union([Type.String(), Type.Null()]),
  testType: TestTypeSchema,
  sampleType: Type.Union([Type.String(), Type.Null()]),
  capacity: Type.Integer(),
  count: Type.Integer(),
  members: Type.Array(
    Type.Object({
      personId: Type.String(),
      position: Type.Integer(),
      fullName: Type.Union([Type.String(), Type.Null()]),
      birthYear: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
});
export const TubeList = Type.Object({ items: Type.Array(TubeSchema) });
export const SampleResult = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  replayed: Type.Boolean(),
  warnings: Type.Array(
    Type.Object({ code: Type.String(), message: Text, barcode: Type.Optional(Type.String()) }),
  ),
  tube: TubeSchema,
});
export const SampleBatchBody = Type.Object(
  { items: Type.Array(SampleBody, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export const SampleBatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      ok: Type.Boolean(),
      result: Type.Optional(SampleResult),
      error: Type.Optional(
        Type.Object({
          code: Type.String(),
          message: Text,
          details: Type.Optional(
            Type.Array(Type.Object({ field: Type.String(), code: Type.String(), message: Text })),
          ),
        }),
      ),
    }),
  ),
});
