/** Why an HC1 string was rejected. Ordered roughly by the pipeline stage that detects it. */
export type FailureReason =
  | 'MALFORMED'
  | 'BAD_PREFIX'
  | 'BAD_BASE45'
  | 'BAD_COMPRESSION'
  | 'BAD_CBOR'
  | 'BAD_SIGNATURE'
  | 'UNKNOWN_KEY'
  | 'UNSUPPORTED_ALG'
  | 'KEY_USAGE'
  | 'SIGNER_EXPIRED'
  | 'EXPIRED'
  | 'NOT_YET_VALID'
  | 'REVOKED'
  | 'SCHEMA_INVALID';

/** Vietnamese-first messages for a verifier screen. */
export const FAILURE_MESSAGES: Record<FailureReason, { vi: string; en: string }> = {
  MALFORMED: { vi: 'Chứng nhận không đúng cấu trúc', en: 'Certificate structure is malformed' },
  BAD_PREFIX: { vi: 'Mã QR không phải chứng nhận HC1', en: 'QR code is not an HC1 certificate' },
  BAD_BASE45: { vi: 'Mã QR bị hỏng (Base45)', en: 'QR content is corrupted (Base45)' },
  BAD_COMPRESSION: { vi: 'Dữ liệu nén bị hỏng', en: 'Compressed data is corrupted' },
  BAD_CBOR: { vi: 'Dữ liệu chứng nhận không đọc được', en: 'Certificate data cannot be decoded' },
  BAD_SIGNATURE: { vi: 'Chữ ký không hợp lệ', en: 'Signature is invalid' },
  UNKNOWN_KEY: { vi: 'Không rõ khóa ký của đơn vị cấp', en: 'Signing key is not trusted' },
  UNSUPPORTED_ALG: {
    vi: 'Thuật toán chữ ký không được hỗ trợ (chỉ ES256, PS256)',
    en: 'Signature algorithm is not supported (ES256 and PS256 only)',
  },
  KEY_USAGE: {
    vi: 'Đơn vị ký không được phép cấp loại chứng nhận này',
    en: 'The signer may not issue this type of certificate',
  },
  SIGNER_EXPIRED: {
    vi: 'Chứng chỉ của đơn vị ký đã hết hạn hoặc chưa có hiệu lực',
    en: "The signer's certificate is outside its validity period",
  },
  EXPIRED: { vi: 'Chứng nhận đã hết hạn', en: 'Certificate has expired' },
  NOT_YET_VALID: { vi: 'Chứng nhận chưa có hiệu lực', en: 'Certificate is not yet valid' },
  REVOKED: { vi: 'Chứng nhận đã bị thu hồi', en: 'Certificate has been revoked' },
  SCHEMA_INVALID: { vi: 'Nội dung chứng nhận không hợp lệ', en: 'Certificate content is invalid' },
};

export class HcertError extends Error {
  constructor(
    readonly reason: FailureReason,
    readonly detail?: string,
  ) {
    super(detail ? `${reason}: ${detail}` : reason);
    this.name = 'HcertError';
  }
}
