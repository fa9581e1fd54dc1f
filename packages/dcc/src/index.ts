// @phongdich/dcc: EU Digital COVID Certificate (HCERT, "HC1:") issuing and offline verification.
export { base45Decode, base45Encode, Base45Error } from './base45';
export { fromBase64, toBase64 } from './bytes';
export { FAILURE_MESSAGES, HcertError, type FailureReason } from './errors';
export {
  decodeBase45Stage,
  decodeHcert,
  encodeHcert,
  HC1_PREFIX,
  inflateStage,
  unprefix,
  type DecodedHcert,
  type EncodeHcertInput,
} from './hcert';
export {
  generateSigningKeyPair,
  importPublicKey,
  importTrustedKey,
  kidFromCertificate,
  type DccAlg,
  type SigningKeyPair,
  type TrustedKeyRecord,
} from './keys';
export * from './payload';
export {
  resolveSchemaVersion,
  SUPPORTED_SCHEMA_VERSIONS,
  validateDccSchema,
  type SchemaResult,
} from './schema';
export { buildUvci, luhnModNCheckChar, randomUvciOpaque, validateUvci, type UvciCheck } from './uvci';
export { FIELD_LABELS, valueSetDisplay, type ValueSetField } from './valuesets';
export {
  checkValidityPeriod,
  verifyHcert,
  verifySignature,
  type KeyLookup,
  type VerifyOptions,
  type VerifyResult,
} from './verify';
export type { WebCryptoKey } from './webcrypto';
export {
  certificateAllowedTypes,
  certificatePublicKey,
  certificateSignedBy,
  createCscaCertificate,
  createDocumentSignerCertificate,
  DCC_USAGE_OIDS,
  readSignerCertificate,
  type CertificateSubject,
  type SignerCertificate,
} from './x509';
export {
  euTrustListItem,
  parseTrustListFile,
  trustedSigner,
  TrustListFileError,
  type EuTrustListItem,
  type TrustedSigner,
  type TrustListFile,
  type TrustListFormat,
} from './trust-list';
export { ICAO_NAME_MAX, icaoTransliterate } from './icao-name';
