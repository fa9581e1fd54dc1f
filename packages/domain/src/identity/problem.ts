/** The identity checks' codes (they reach the API as field-error codes: contracts' FIELD_ERROR_CODES). */
export type IdentityProblemCode =
  | 'BHYT_FORMAT'
  | 'BHYT_GROUP'
  | 'BHYT_LEVEL'
  | 'BHYT_PROVINCE'
  | 'CCCD_BIRTH_YEAR'
  | 'CCCD_CENTURY_SEX'
  | 'CCCD_FORMAT'
  | 'CCCD_PROVINCE'
  | 'CCCD_QR_DATE'
  | 'CCCD_QR_FORMAT'
  | 'CCCD_QR_NAME'
  | 'CCCD_QR_SEX'
  | 'CMND_FORMAT'
  | 'PHONE_FORMAT';

/** A field-level validation problem with a stable code and bilingual message. */
export interface IdentityProblem {
  code: IdentityProblemCode;
  vi: string;
  en: string;
}

export function problem(code: IdentityProblemCode, vi: string, en: string): IdentityProblem {
  return { code, vi, en };
}
