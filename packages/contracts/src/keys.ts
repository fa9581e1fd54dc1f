/**
 * Signing keys' public HTTP shapes (trust lists of our keys, revocations for offline scanners, key
 * rotation): the one source of truth for server and web. Other issuers' signers: trust-list.ts.
 */
import { Type, type Static } from 'typebox';

export const KeyPurposeSchema = Type.Union([Type.Literal('qr'), Type.Literal('dcc')]);
export type KeyPurpose = Static<typeof KeyPurposeSchema>;
export const KeyPurposeParams = Type.Object({ purpose: KeyPurposeSchema });

export const PublicKeyRecordSchema = Type.Object({
  kid: Type.String(),
  alg: Type.Literal('ES256'),
  publicKeyJwk: Type.Object({}, { additionalProperties: true }),
  publicKeySpki: Type.String({
    description: 'base64 DER SubjectPublicKeyInfo, the form DCC trust lists use',
  }),
  certificate: Type.Union([Type.String(), Type.Null()], {
    description: 'base64 DER document-signer certificate (DCC keys made since migration 0047), else null',
  }),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  createdAt: Type.String(),
});
export type PublicKeyRecord = Static<typeof PublicKeyRecordSchema>;
export const PublicKeyList = Type.Object({ keys: Type.Array(PublicKeyRecordSchema) });
export type PublicKeyList = Static<typeof PublicKeyList>;

export const RevocationsQuery = Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) });

export const RevocationChangeSchema = Type.Object({
  type: Type.String(),
  id: Type.String(),
  revokedAt: Type.String({ format: 'date-time' }),
  reinstatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()], {
    description: 'Set when the revocation was lifted: the device drops the id from its list',
  }),
  changedAt: Type.String({ format: 'date-time', description: 'The cursor for the next sync' }),
});
export type RevocationChange = Static<typeof RevocationChangeSchema>;
export const RevocationList = Type.Object({
  items: Type.Array(RevocationChangeSchema),
  asOf: Type.String(),
});
export type RevocationList = Static<typeof RevocationList>;
