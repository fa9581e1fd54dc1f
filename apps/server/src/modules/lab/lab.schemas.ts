import { Type } from 'typebox';

const Message = Type.Object({ vi: Type.String(), en: Type.String() });
const ResultValue = Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('invalid')]);
const Ct = Type.Number({ minimum: 0, maximum: 45 });
const CtValues = Type.Object(
  { E: Type.Optional(Ct), N: Type.Optional(Ct), RdRp: Type.Optional(Ct), ORF1ab: Type.Optional(Ct) },
  { additionalProperties: false },
);
const Barcode = Type.String({ minLength: 1, maxLength: 64 });

// `result` may be absent or null in the body so the service can answer RESULT_CHOICE_REQUIRED (a stable
// code the bench page relies on) rather than a generic schema failure: no result is ever defaulted.
export const EnterBody = Type.Object(
  {
    barcode: Barcode,
    result: Type.Optional(Type.Union([ResultValue, Type.Null()])),
    ctValues: Type.Optional(CtValues),
    kit: Type.Optional(Type.String({ maxLength: 120 })),
  },
  { additionalProperties: false },
);
export const EnterResult = Type.Object({
  barcode: Type.String(),
  status: Type.Literal('entered'),
  changed: Type.Boolean(),
});

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

export const QueueResult = Type.Object({
  items: Type.Array(
    Type.Object({
      barcode: Type.String(),
      result: ResultValue,
      ctValues: Type.Optional(CtValues),
      kit: Type.Optional(Type.String()),
      enteredAt: Type.String(),
      testType: Type.String(),
      pooled: Type.Boolean(),
      members: Type.Integer(),
    }),
  ),
});

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
export const UploadAccepted = Type.Object({ ...uploadFields, duplicate: Type.Boolean() });

export const CorrectionBody = Type.Object(
  {
    result: ResultValue,
    ctValues: Type.Optional(CtValues),
    kit: Type.Optional(Type.String({ maxLength: 120 })),
    reason: Type.String({ minLength: 5, maxLength: 500 }),
  },
  { additionalProperties: false },
);
export const CorrectionResult = Type.Object({
  barcode: Type.String(),
  correctionId: Type.String(),
  from: ResultValue,
  to: ResultValue,
  people: Type.Integer(),
  certificatesRevoked: Type.Integer(),
  certificatesIssued: Type.Integer(),
});
export const BarcodeParams = Type.Object({ barcode: Barcode });
export const ResultView = Type.Object({
  barcode: Type.String(),
  status: Type.Union([Type.Literal('entered'), Type.Literal('released')]),
  result: ResultValue,
  ctValues: Type.Optional(CtValues),
  kit: Type.Optional(Type.String()),
  testType: Type.String(),
  pooled: Type.Boolean(),
  members: Type.Integer(),
  releasedAt: Type.Union([Type.String(), Type.Null()]),
  corrections: Type.Array(
    Type.Object({
      from: ResultValue,
      to: ResultValue,
      reason: Type.String(),
      correctedAt: Type.String(),
    }),
  ),
});
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
export const RetryResult = Type.Object({ issued: Type.Integer(), stillFailing: Type.Integer() });
