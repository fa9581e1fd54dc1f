/**
 * Released test results' HTTP shapes (a citizen's own and family's, an officer's view of one person,
 * the signed certificate): the one source of truth for server and web.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const MyResultSchema = Type.Object({
  id: Type.String(),
  result: Type.Union([Type.Literal('positive'), Type.Literal('negative'), Type.Literal('invalid')]),
  testType: Type.Union([Type.Literal('rt_pcr'), Type.Literal('rapid_antigen')]),
  pooled: Type.Boolean(),
  collectedAt: Nullable(Type.String()),
  releasedAt: Type.String(),
  labName: Nullable(Type.String()),
  hasCertificate: Type.Boolean(),
  /** The lab corrected this result after releasing it (the value shown is the corrected one). */
  corrected: Type.Boolean(),
});
export type MyResult = Static<typeof MyResultSchema>;

/** An officer's view of one person: the certificate itself stays with the citizen. */
export const OfficerResultSchema = Type.Omit(MyResultSchema, ['hasCertificate']);
export type OfficerResult = Static<typeof OfficerResultSchema>;
export const PersonResultsSchema = Type.Object({
  retestPending: Type.Boolean(),
  results: Type.Array(OfficerResultSchema),
});
export type PersonResults = Static<typeof PersonResultsSchema>;

export const MyResultsSchema = Type.Object({
  people: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      self: Type.Boolean(),
      retestPending: Type.Boolean(),
      results: Type.Array(MyResultSchema),
    }),
  ),
});
export type MyResults = Static<typeof MyResultsSchema>;

export const PersonResultsParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
export const ResultParams = Type.Object({ id: Type.String({ maxLength: 64 }) });

export const CertificateSchema = Type.Object({
  hc1: Type.String(),
  uvci: Type.String(),
  expiresAt: Type.String(),
});
export type Certificate = Static<typeof CertificateSchema>;
