/**
 * The lab's HTTP shapes (result entry, the release queue, corrections, certificate failures, column
 * mappings, uploads): the one source of truth. The server validates and serializes with these schemas;
 * the web uses the static types derived from them (never a hand-written copy).
 */
import { Type, type Static } from 'typebox';

const Message = Type.Object({ vi: Type.String(), en: Type.String() });
export const ResultValueSchema = Type.Union([
  Type.Literal('positive'),
  Type.Literal('negative'),
  Type.Literal('invalid'),
]);
export type ResultValue = Static<typeof ResultValueSchema>;
const Ct = Type.Number({ minimum: 0, maximum: 45 });
export const CtValuesSchema = Type.Object(
  { E: Type.Optional(Ct), N: Type.Optional(Ct), RdRp: Type.Optional(Ct), ORF1ab: Type.Optional(Ct) },
  { additionalProperties: false },
);
export type CtValues = Static<typeof CtValuesSchema>;
const Barcode = Type.String({ minLength: 1, maxLength: 64 });

// `result` may be absent or null in the body so the service can answer RESULT_CHOICE_REQUIRED (a stable
// code the bench page relies on) rather than a generic schema failure: no result is ever defaulted.
export const EnterBody = Type.Object(
  {
    barcode: Barcode,
    result: Type.Optional(Type.Union([ResultValueSchema, Type.Null()])),
    ctValues: Type.Optional(CtValuesSchema),
    kit: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);
export type EnterInput = Static<typeof EnterBody>;
export const EnterResult = Type.Object({
  barcode: Type.String(),
  status: Type.Literal('entered'),
  changed: Type.Boolean(),
});
export type EnterResult = Static<typeof EnterResult>;

export const VerifyBody = Type.Object(
  { barcodes: Type.Array(Barcode, { minItems: 1, maxItems: 2000 }) },
  { additionalProperties: false },
);
export const VerifyResult = Type.Object({
  released: Type.Array(Type.String()),
  alreadyReleased: Type.Array(Type.String()),
  /** Released results whose certificate could not be signed (recorded, retried from the lab page). */
  certificateFailures: Type.Integer(),
});
export type VerifyResult = Static<typeof VerifyResult>;

export const QueueResult = Type.Object({
  items: Type.Array(
    Type.Object({
      barcode: Type.String(),
      result: ResultValueSchema,
      ctValues: Type.Optional(CtValuesSchema),
      kit: Type.Optional(Type.String()),
      enteredAt: Type.String(),
      testType: Type.String(),
      pooled: Type.Boolean(),
      members: Type.Integer(),
    }),
  ),
});
export type PendingResult = Static<typeof QueueResult>['items'][number];
export type PendingResults = Static<typeof QueueResult>;

const Col = Type.String({ minLength: 1, maxLength: 100 });
// Each value must hold a visible character: a blank one would match blank cells.
const Values = Type.Array(Type.String({ minLength: 1, maxLength: 60, pattern: '\\S' }), { maxItems: 20 });
export const MappingBody = Type.Object(
  {
    barcodeColumn: Col,
    resultColumn: Col,
    resultValues: Type.Object(
      { positive: Values, negative: Values, invalid: Values },
      { additionalProperties: false },
    ),
    ctColumns: Type.Optional(
      Type.Object(
        {
          E: Type.Optional(Col),
          N: Type.Optional(Col),
          RdRp: Type.Optional(Col),
          ORF1ab: Type.Optional(Col),
        },
        { additionalProperties: false },
      ),
    ),
    kitColumn: Type.Optional(Col),
  },
  { additionalProperties: false },
);
export type ColumnMapping = Static<typeof MappingBody>;

const uploadFields = {
  id: Type.String(),
  status: Type.Union([Type.Literal('processing'), Type.Literal('done'), Type.Literal('failed')]),
  format: Type.String(),
  rowsTotal: Type.Integer(),
  rowsDone: Type.Integer(),
  rowsFailed: Type.Integer(),
  errors: Type.Array(Type.Object({ row: Type.Integer(), code: Type.String(), message: Message })),
  createdAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
};
export const UploadView = Type.Object(uploadFields);
export type LabUpload = Static<typeof UploadView>;
export const UploadAccepted = Type.Object({ ...uploadFields, duplicate: Type.Boolean() });
export type LabUploadAccepted = Static<typeof UploadAccepted>;

export const CorrectionBody = Type.Object(
  {
    result: ResultValueSchema,
    ctValues: Type.Optional(CtValuesSchema),
    kit: Type.Optional(Type.String({ maxLength: 120 })),
    reason: Type.String({ minLength: 5, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export type CorrectionInput = Static<typeof CorrectionBody>;
export const CorrectionResult = Type.Object({
  barcode: Type.String(),
  correctionId: Type.String(),
  from: ResultValueSchema,
  to: ResultValueSchema,
  people: Type.Integer(),
  certificatesRevoked: Type.Integer(),
  certificatesIssued: Type.Integer(),
});
export type CorrectionResult = Static<typeof CorrectionResult>;
export const BarcodeParams = Type.Object({ barcode: Barcode });
export const UploadParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const ResultView = Type.Object({
  barcode: Type.String(),
  status: Type.Union([Type.Literal('entered'), Type.Literal('released')]),
  result: ResultValueSchema,
  ctValues: Type.Optional(CtValuesSchema),
  kit: Type.Optional(Type.String()),
  testType: Type.String(),
  pooled: Type.Boolean(),
  members: Type.Integer(),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
  corrections: Type.Array(
    Type.Object({
      from: ResultValueSchema,
      to: ResultValueSchema,
      reason: Type.String(),
      correctedAt: Type.String(),
    }),
  ),
});
export type LabResultView = Static<typeof ResultView>;
export const CertificateFailures = Type.Object({
  items: Type.Array(
    Type.Object({
      barcode: Type.String(),
      personResultId: Type.String(),
      reason: Type.String(),
      attempts: Type.Integer(),
      firstFailedAt: Type.String(),
    }),
  ),
});
export type CertificateFailure = Static<typeof CertificateFailures>['items'][number];
export type CertificateFailures = Static<typeof CertificateFailures>;
export const RetryResult = Type.Object({ issued: Type.Integer(), stillFailing: Type.Integer() });
export type RetryResult = Static<typeof RetryResult>;

// Testing figures by area, day and lab (officers and the steering committee).

const Positivity = Type.Object({
  resulted: Type.Integer(),
  positives: Type.Integer(),
  positivityRate: Type.Union([Type.Number(), Type.Null()]),
});
const Measures = {
  samplesTaken: Type.Integer(),
  inTransit: Type.Integer(),
  pending: Type.Integer(),
  resulted: Type.Integer(),
  positives: Type.Integer(),
  /** All tubes alike; prefer `individual` and `pools`, which count the two kinds apart. */
  positivityRate: Type.Union([Type.Number(), Type.Null()]),
  individual: Positivity,
  pools: Positivity,
  turnaroundP50Hours: Type.Union([Type.Number(), Type.Null()]),
  turnaroundP90Hours: Type.Union([Type.Number(), Type.Null()]),
};
const NullStr = Type.Union([Type.String(), Type.Null()]);
const Day = Type.String({ format: 'date' });

export const TestingFiguresQuery = Type.Object({
  level: Type.Optional(
    Type.Union([Type.Literal('province'), Type.Literal('district'), Type.Literal('commune')]),
  ),
  unitCode: Type.Optional(Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' })),
  from: Day,
  to: Day,
});
export const TestingFiguresSchema = Type.Object({
  level: Type.String(),
  unitCode: NullStr,
  rows: Type.Array(
    Type.Object({
      unitCode: NullStr,
      day: Type.String(),
      ...Measures,
      tubes: Type.Integer(),
      peopleSampled: Type.Integer(),
    }),
  ),
  labs: Type.Array(Type.Object({ labId: NullStr, labName: NullStr, ...Measures })),
});
export type TestingFiguresQuery = Static<typeof TestingFiguresQuery>;
export type TestingFigures = Static<typeof TestingFiguresSchema>;
export type TestingFiguresRow = TestingFigures['rows'][number];
export type TestingFiguresLab = TestingFigures['labs'][number];
/** What a day's row and a lab's line share: the measures of their tubes. */
export type TestingMeasures = Omit<TestingFiguresLab, 'labId' | 'labName'>;
