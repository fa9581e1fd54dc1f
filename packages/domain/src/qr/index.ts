export { newQrId, isValidQrId, QR_PAYLOAD_VERSION } from './payload';
export { QR_TOKEN_PREFIX, QR_TOKEN_TYPES, type QrTokenType } from './envelope';
export {
  generateQrSigningKey,
  importQrSigningKey,
  qrKeyIdFor,
  type QrSigningKey,
  type GeneratedQrSigningKey,
} from './keys';
export type { EcJwk, WebCryptoKey } from './webcrypto';
export {
  signQrToken,
  verifyQrToken,
  type QrTokenClaims,
  type QrVerifyFailure,
  type QrVerifyOptions,
  type QrVerifyResult,
} from './token';
export { parseBhytScan, type BhytScan } from './bhyt-qr';
export {
  classifyScannedCode,
  cleanScannedText,
  venueCheckinUrl,
  CHECKIN_PATH,
  MAX_SCANNED_CODE_LENGTH,
  type ScannedCode,
  type UnknownCodeReason,
  type LegacyApp,
} from './classify';
