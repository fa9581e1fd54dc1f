/**
 * Test certificates' HTTP shapes (verification for anyone, look-up and revocation for officers): the
 * one source of truth. The server validates and serializes with these schemas; the web uses the static
 * types derived from them (never a hand-written copy).
 */
import { Type, type Static } from 'typebox';
import { ResultValueSchema } from './lab';

const Message = Type.Object({ vi: Type.String(), en: Type.String() });
const Uvci = Type.String({ minLength: 10, maxLength: 100 });
const Reason = Type.String({ minLength: 3, maxLength: 500 });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

export const VerifyBody = Type.Object(
  { hc1: Type.String({ minLength: 1, maxLength: 8000 }) },
  { additionalProperties: false },
);

/** The server's verdict on an HC1 code; the web's offline verifier answers the same shape. */
export const VerificationAnswerSchema = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  message: Message,
  certificate: Type.Optional(
    Type.Object({
      name: Type.String(),
      dob: Type.String(),
      type: Type.String(),
      result: Type.Optional(Type.String()),
      date: Type.String(),
      issuer: Type.String(),
      uvci: Type.String(),
      country: Type.String(),
      signer: Type.Union([Type.Literal('own'), Type.Literal('imported')]),
    }),
  ),
});
export type VerificationAnswer = Static<typeof VerificationAnswerSchema>;

export const UvciParams = Type.Object({ uvci: Uvci });
export const RevokeBody = Type.Object({ reason: Reason }, { additionalProperties: false });
/** The UVCI in the body (it may name a person's certificate: kept out of URLs and logs). */
export const RevokeByUvciBody = Type.Object({ uvci: Uvci, reason: Reason }, { additionalProperties: false });
export const Revoked = Type.Object({ uvci: Type.String(), revoked: Type.Literal(true) });
export type Revoked = Static<typeof Revoked>;

export const LookupBody = Type.Object({ uvci: Uvci }, { additionalProperties: false });
export const CertificateLookupSchema = Type.Object({
  uvci: Type.String(),
  name: Type.String(),
  result: ResultValueSchema,
  testType: Type.String(),
  pooled: Type.Boolean(),
  issuedAt: Type.String(),
  labName: Nullable(Type.String()),
  revokedAt: Nullable(Type.String()),
  revokeReason: Nullable(Type.String()),
});
export type CertificateLookup = Static<typeof CertificateLookupSchema>;
