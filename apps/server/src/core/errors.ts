import { ERRORS, type ErrorCode, type FieldError } from '@phongdich/contracts';

/** The one error type services throw; the HTTP layer turns it into the catalogue's response. */
export class AppError extends Error {
  readonly status: number;
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

export function fieldError(field: string, code: string, vi: string, en: string): FieldError {
  return { field, code, message: { vi, en } };
}

/** Throw VALIDATION_FAILED with these field errors if there are any. */
export function assertNoFieldErrors(errors: FieldError[]): void {
  if (errors.length > 0) throw new AppError('VALIDATION_FAILED', errors);
}
