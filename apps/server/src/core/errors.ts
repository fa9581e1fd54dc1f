import {
  ERRORS,
  type ErrorCode,
  type DetailValue,
  type FieldError,
  type FieldErrorCode,
} from '@phongdich/contracts';

/** The one error type services throw; the HTTP layer turns it into the catalogue's response. */
export class AppError extends Error {
  readonly status: number;
  /** For a 429: how long the caller must wait, sent as the Retry-After header (seconds). */
  retryAfterSeconds?: number;
  constructor(
    readonly code: ErrorCode,
    readonly details?: FieldError[],
    /** Internal context for logs only: never personal data. */
    internal?: string,
  ) {
    super(internal ?? code);
    this.status = ERRORS[code].status;
  }
}

export function fieldError(field: string, code: FieldErrorCode, vi: string, en: string): FieldError {
  return { field, code, message: { vi, en } };
}

/** A detail whose code names a value (a matched record's id, a refused barcode): see DetailValue. */
export function valueDetail(field: string, value: string, vi: string, en: string): FieldError {
  return { field, code: value as DetailValue, message: { vi, en } };
}

/** Throw VALIDATION_FAILED with these field errors if there are any. */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
}

/** A throttled request: 429 with the wait the caller must respect (Retry-After, whole seconds, ≥ 1). */
export function throttled(code: ErrorCode, waitSeconds: number): AppError {
  const err = new AppError(code);
  err.retryAfterSeconds = Math.max(1, Math.ceil(waitSeconds));
  return err;
}
