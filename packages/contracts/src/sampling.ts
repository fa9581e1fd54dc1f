/**
 * Sampling's HTTP shapes (sessions, targets, tube labels, samples, tubes, shipments, labs): the one
 * source of truth. The server validates and serializes with these schemas; the web uses the static
 * types derived from them.
 */
import { Type, type Static } from 'typebox';
import { BilingualSchema as Text } from './status';

export const TestTypeSchema = Type.Union([Type.Literal('rt_pcr'), Type.Literal('rapid_antigen')]);
export type TestType = Static<typeof TestTypeSchema>;
export const SessionKindSchema = Type.Union([
  Type.Literal('mass'),
  Type.Literal('routine'),
  Type.Literal('targeted'),
]);
export type SessionKind = Static<typeof SessionKindSchema>;
export const TubeStatusSchema = Type.Union([
  Type.Literal('printed'),
  Type.Literal('used'),
  Type.Literal('in_transit'),
  Type.Literal('received'),
  Type.Literal('resulted'),
  Type.Literal('void'),
]);
export type TubeStatus = Static<typeof TubeStatusSchema>;
export const SampleTypeSchema = Type.Union([
  Type.Literal('nasopharyngeal'),
  Type.Literal('oropharyngeal'),
  Type.Literal('nasal'),
  Type.Literal('saliva'),
]);
export type SampleType = Static<typeof SampleTypeSchema>;
export const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const BarcodeParams = Type.Object({ barcode: Type.String({ maxLength: 40 }) });
export const BatchParams = Type.Object({ batchId: Type.String({ format: 'uuid' }) });

export const SessionBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200 }),
    kind: SessionKindSchema,
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
export type SessionInput = Static<typeof SessionBody>;

const Progress = Type.Object({
  targets: Type.Integer(),
  targetsSampled: Type.Integer(),
  sampled: Type.Integer(),
  tubes: Type.Integer(),
});
const SessionFields = {
  id: Type.String(),
  name: Type.String(),
  kind: SessionKindSchema,
  testType: TestTypeSchema,
  date: Type.String(),
  poolSize: Type.Integer(),
  labId: Type.Union([Type.String(), Type.Null()]),
  communeCode: Type.String(),
  districtCode: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.String(),
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  progress: Progress,
};
export const SessionSummarySchema = Type.Object(SessionFields);
export type SessionSummary = Static<typeof SessionSummarySchema>;
export const SessionList = Type.Object({ items: Type.Array(SessionSummarySchema) });
export const SessionDetailSchema = Type.Object({
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
export type SessionDetail = Static<typeof SessionDetailSchema>;
export const TeamBody = Type.Object(
  {
    username: Type.String({ minLength: 1, maxLength: 100 }),
    siteId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type TeamInput = Static<typeof TeamBody>;
export const RegisterResult = Type.Object({
  sessionId: Type.String(),
  name: Type.String(),
  date: Type.String(),
  registered: Type.Boolean(),
  alreadyRegistered: Type.Boolean(),
});
export type RegisterResult = Static<typeof RegisterResult>;
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
export type ImportReport = Static<typeof ImportResult>;

export const LabelsBody = Type.Object(
  {
    count: Type.Integer({ minimum: 1, maximum: 3000 }),
    testType: TestTypeSchema,
    sessionId: Type.Optional(Type.Union([Type.String({ format: 'uuid' }), Type.Null()])),
  },
  { additionalProperties: false },
);
export type LabelsInput = Static<typeof LabelsBody>;
export const LabelBatchSchema = Type.Object({
  id: Type.String(),
  testType: TestTypeSchema,
  sessionId: Type.Union([Type.String(), Type.Null()]),
  count: Type.Integer(),
  createdAt: Type.String(),
  barcodes: Type.Array(Type.String()),
});
export type LabelBatch = Static<typeof LabelBatchSchema>;

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
/** One sample as sent (and as the sampler page queues it while offline, kind 'sample'). */
export type SampleItem = Static<typeof SampleBody>;
export const TubeSchema = Type.Object({
  barcode: Type.String(),
  status: TubeStatusSchema,
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
export type Tube = Static<typeof TubeSchema>;
export const TubeList = Type.Object({ items: Type.Array(TubeSchema) });
/** A warning or error about one link, with its message in both languages. */
export const NoticeSchema = Type.Object({
  code: Type.String(),
  message: Text,
  barcode: Type.Optional(Type.String()),
});
export type Notice = Static<typeof NoticeSchema>;
export const SampleResultSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  replayed: Type.Boolean(),
  warnings: Type.Array(NoticeSchema),
  tube: TubeSchema,
});
export type SampleResult = Static<typeof SampleResultSchema>;
export const SampleBatchBody = Type.Object(
  { items: Type.Array(SampleBody, { minItems: 1, maxItems: 200 }) },
  { additionalProperties: false },
);
export const SampleBatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      ok: Type.Boolean(),
      result: Type.Optional(SampleResultSchema),
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

// Shipments to labs.

export const ShipmentBody = Type.Object(
  {
    labId: Type.String({ format: 'uuid' }),
    barcodes: Type.Array(Type.String({ maxLength: 40 }), { minItems: 1, maxItems: 2000 }),
    carrier: Type.String({ minLength: 1, maxLength: 200 }),
    sentAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type ShipmentInput = Static<typeof ShipmentBody>;
export const ReceiveBody = Type.Object(
  { barcodes: Type.Array(Type.String({ maxLength: 40 }), { maxItems: 2000 }) },
  { additionalProperties: false },
);
export const ShipmentTubeStatusSchema = Type.Union([
  Type.Literal('sent'),
  Type.Literal('received'),
  Type.Literal('missing'),
  Type.Literal('extra'),
]);
export type ShipmentTubeStatus = Static<typeof ShipmentTubeStatusSchema>;
export const LabSchema = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String() });
export type Lab = Static<typeof LabSchema>;
export const ManifestSchema = Type.Object({
  id: Type.String(),
  lab: LabSchema,
  sender: Type.String(),
  carrier: Type.String(),
  sentAt: Type.String(),
  receivedAt: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('in_transit'), Type.Literal('received')]),
  tubeCount: Type.Integer(),
  people: Type.Integer(),
  missingCount: Type.Integer(),
  extraCount: Type.Integer(),
  tubes: Type.Array(
    Type.Object({
      barcode: Type.String(),
      status: ShipmentTubeStatusSchema,
      members: Type.Integer(),
      sampleType: Type.Union([Type.String(), Type.Null()]),
      collectedAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type Manifest = Static<typeof ManifestSchema>;
export const ShipmentList = Type.Object({ items: Type.Array(ManifestSchema) });
export const ReceiveResult = Type.Object({
  shipmentId: Type.String(),
  received: Type.Array(Type.String()),
  missing: Type.Array(Type.String()),
  extra: Type.Array(Type.String()),
  manifest: ManifestSchema,
});
export type ReceiveReport = Static<typeof ReceiveResult>;
export const LabList = Type.Object({
  items: Type.Array(
    Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), provinceCode: Type.String() }),
  ),
});
