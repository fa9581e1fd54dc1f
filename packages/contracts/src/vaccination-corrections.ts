/**
 * Citizen corrections of vaccination records (issue #12 §5): "đã tiêm nhưng chưa có chứng nhận".
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Uuid = Type.String({ format: 'uuid' });

/** Evidence bytes are bounded and sniffed on the server; the declared type must match what they are. */
export const EVIDENCE_MAX_BYTES = 5 * 1024 * 1024;
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const;

export const CorrectionKind = Type.Union([Type.Literal('missing'), Type.Literal('wrong')]);
export const CorrectionStatus = Type.Union([
  Type.Literal('pending'),
  Type.Literal('accepted'),
  Type.Literal('rejected'),
]);

export const CorrectionBody = Type.Object(
  {
    clientId: Uuid,
    personId: Uuid,
    kind: CorrectionKind,
    /** For 'wrong': the dose on record that is wrong. */
    doseId: Type.Optional(Nullable(Uuid)),
    productMp: Type.String({ minLength: 3, maxLength: 40 }),
    doseDate: Type.String({ format: 'date' }),
    siteId: Type.Optional(Nullable(Uuid)),
    siteText: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
    lotNumber: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
    note: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
    evidence: Type.Optional(
      Type.Object(
        {
          contentType: Type.Union(EVIDENCE_TYPES.map((t) => Type.Literal(t))),
          /** base64 of the file (≤ 5 MB once decoded). */
          content: Type.String({ minLength: 4, maxLength: Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 4 }),
        },
        { additionalProperties: false },
      ),
    ),
  },
  { additionalProperties: false },
);

export const DecisionBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
export const RejectBody = Type.Object(
  { reason: Type.String({ minLength: 3, maxLength: 500 }) },
  { additionalProperties: false },
);

export const CorrectionHistoryItem = Type.Object({
  at: Type.String(),
  action: Type.Union([Type.Literal('filed'), Type.Literal('accepted'), Type.Literal('rejected')]),
  reason: Nullable(Type.String()),
});

export const CorrectionSchema = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  personName: Type.String(),
  kind: CorrectionKind,
  doseId: Nullable(Type.String()),
  productMp: Type.String(),
  doseDate: Type.String(),
  siteId: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  siteText: Nullable(Type.String()),
  lotNumber: Nullable(Type.String()),
  note: Nullable(Type.String()),
  status: CorrectionStatus,
  filedVia: Type.Union([Type.Literal('citizen'), Type.Literal('hotline')]),
  filedAt: Type.String(),
  decidedAt: Nullable(Type.String()),
  decisionReason: Nullable(Type.String()),
  acceptedDoseId: Nullable(Type.String()),
  evidence: Type.Array(
    Type.Object({ id: Type.String(), contentType: Type.String(), sizeBytes: Type.Integer() }),
  ),
  history: Type.Array(CorrectionHistoryItem),
});
export const CorrectionList = Type.Object({ items: Type.Array(CorrectionSchema) });
/** A filed request; `duplicate` when the client id was filed before (200 instead of 201). */
export const CorrectionFiled = Type.Object({ correction: CorrectionSchema, duplicate: Type.Boolean() });
export const CorrectionListQuery = Type.Object({ status: Type.Optional(CorrectionStatus) });
export const CorrectionIdParams = Type.Object({ id: Uuid });
export const CorrectionEvidenceParams = Type.Object({ id: Uuid, evidenceId: Uuid });

/** A record the reviewer may compare the request with: a dose on record, or another source's row. */
export const CorrectionCandidate = Type.Object({
  source: Type.String(),
  id: Type.String(),
  productMp: Nullable(Type.String()),
  date: Nullable(Type.String()),
  siteName: Nullable(Type.String()),
  detail: Nullable(Type.String()),
});
export const CorrectionReview = Type.Object({
  correction: CorrectionSchema,
  doses: Type.Array(
    Type.Object({
      id: Type.String(),
      productMp: Type.String(),
      doseNumber: Type.Integer(),
      administeredAt: Type.String(),
      siteName: Nullable(Type.String()),
      source: Type.String(),
    }),
  ),
  candidates: Type.Array(CorrectionCandidate),
});
export const CorrectionDecision = Type.Object({
  correction: CorrectionSchema,
  certificate: Nullable(Type.Object({ uvci: Type.String() })),
});

export type CorrectionInput = Static<typeof CorrectionBody>;
export type Correction = Static<typeof CorrectionSchema>;
export type CorrectionReviewT = Static<typeof CorrectionReview>;
export type CorrectionCandidateT = Static<typeof CorrectionCandidate>;
