/**
 * DCC trust lists (issue #12 §6): our document signers in the EU gateway's form, the signers of other
 * issuers a national administrator imported, and the merged list offline verifiers load.
 */
import { Type, type Static } from 'typebox';

export const CertificateTypeSchema = Type.Union([Type.Literal('v'), Type.Literal('t'), Type.Literal('r')]);

/** One entry of the EU DCC gateway's trust list. */
export const EuTrustListItemSchema = Type.Object({
  kid: Type.String(),
  country: Type.String(),
  certificateType: Type.Literal('DSC'),
  rawData: Type.String(),
  thumbprint: Type.String(),
  timestamp: Type.String(),
});
export const PublishedTrustList = Type.Object({ certificates: Type.Array(EuTrustListItemSchema) });

export const TrustedSignerSchema = Type.Object({
  id: Type.String(),
  kid: Type.String(),
  country: Type.String(),
  alg: Type.Union([Type.Literal('ES256'), Type.Literal('PS256')]),
  allowedTypes: Type.Array(CertificateTypeSchema),
  subject: Type.String(),
  thumbprint: Type.String(),
  notBefore: Type.String(),
  notAfter: Type.String(),
  source: Type.String(),
  sourceFormat: Type.String(),
  importedBy: Type.String(),
  importedAt: Type.String(),
});
export const TrustedSignerList = Type.Object({ items: Type.Array(TrustedSignerSchema) });

export const TrustListImportBody = Type.Object(
  {
    /** What the file is (a name shown in the list), e.g. "EU gateway 2026-11-30". */
    source: Type.String({ minLength: 1, maxLength: 200 }),
    /** The file's bytes, base64 (JSON, PEM, DER or base64 lines). */
    content: Type.String({ minLength: 4, maxLength: 4_000_000 }),
  },
  { additionalProperties: false },
);
export const TrustListImportAnswer = Type.Object({
  format: Type.String(),
  imported: Type.Integer(),
  alreadyTrusted: Type.Integer(),
  items: Type.Array(TrustedSignerSchema),
});

/** The merged list an offline verifier loads: every signer, our own and imported. */
export const VerifierSignerSchema = Type.Object({
  kid: Type.String(),
  alg: Type.Union([Type.Literal('ES256'), Type.Literal('PS256')]),
  publicKeySpki: Type.String(),
  allowedTypes: Type.Array(CertificateTypeSchema),
  country: Type.String(),
  source: Type.Union([Type.Literal('own'), Type.Literal('imported')]),
  /** The DSC's validity period (ISO 8601); a signer outside it signs nothing valid. Absent without a DSC. */
  notBefore: Type.Optional(Type.String()),
  notAfter: Type.Optional(Type.String()),
});
export const VerifierTrustList = Type.Object({ signers: Type.Array(VerifierSignerSchema) });

export const TrustedSignerParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const TrustedSignerRemoved = Type.Object({
  id: Type.String(),
  removed: Type.Literal(true),
  kid: Type.String(),
});
export type TrustedSignerRemoved = Static<typeof TrustedSignerRemoved>;

export type TrustedSigner = Static<typeof TrustedSignerSchema>;
export type TrustListImportAnswerT = Static<typeof TrustListImportAnswer>;
export type VerifierSigner = Static<typeof VerifierSignerSchema>;
export type VerifierTrustList = Static<typeof VerifierTrustList>;
export type TrustedSignerList = Static<typeof TrustedSignerList>;
export type PublishedTrustListT = Static<typeof PublishedTrustList>;
