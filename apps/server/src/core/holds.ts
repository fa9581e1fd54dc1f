import type { FieldError } from '@phongdich/contracts';
import { assertNoFieldErrors, fieldError } from './errors';

/**
 * Investigation holds keep data (check-ins, declarations) past its retention period. The rules on
 * what an officer must give are the same for every kind of data, so they live here.
 */
export const MAX_HOLD_DAYS = 730;
export const MIN_HOLD_REASON = 10;
const DAY_MS = 86_400_000;

/** The hold must end in the future and within two years. */
export function holdUntilError(until: Date, now = new Date()): FieldError | undefined {
  const t = until.getTime();
  if (!Number.isNaN(t) && t > now.getTime() && t <= now.getTime() + MAX_HOLD_DAYS * DAY_MS) return undefined;
  return fieldError(
    'until',
    'HOLD_UNTIL_RANGE',
    'Thời hạn giữ phải ở tương lai và không quá 2 năm.',
    'The hold must end in the future and within 2 years.',
  );
}

/** The reason is written to the audit log: it must say something (at least 10 characters, trimmed). */
export function holdReasonError(reason: string): FieldError | undefined {
  if (reason.trim().length >= MIN_HOLD_REASON) return undefined;
  return fieldError(
    'reason',
    'REASON_TOO_SHORT',
    `Lý do cần ít nhất ${MIN_HOLD_REASON} ký tự.`,
    `The reason needs at least ${MIN_HOLD_REASON} characters.`,
  );
}

/** The time range [from, to) of held check-ins: from before to, and not in the future. */
export function holdRangeErrors(from: Date, to: Date, now = new Date()): FieldError[] {
  const errors: FieldError[] = [];
  if (Number.isNaN(from.getTime()) || from.getTime() > now.getTime()) {
    errors.push(
      fieldError(
        'from',
        'HOLD_FROM_FUTURE',
        'Thời điểm bắt đầu không được ở tương lai.',
        'The start of the range cannot be in the future.',
      ),
    );
  }
  if (Number.isNaN(to.getTime()) || !(to.getTime() > from.getTime())) {
    errors.push(
      fieldError(
        'to',
        'HOLD_RANGE_INVALID',
        'Thời điểm kết thúc phải sau thời điểm bắt đầu.',
        'The end of the range must come after its start.',
      ),
    );
  }
  return errors;
}

/** VALIDATION_FAILED with every rule a hold breaks: its range (check-ins), its end and its reason. */
export function assertHoldRules(h: { until: Date; reason: string; range?: { from: Date; to: Date } }): void {
  const errors = [
    ...(h.range ? holdRangeErrors(h.range.from, h.range.to) : []),
    holdUntilError(h.until),
    holdReasonError(h.reason),
  ];
  assertNoFieldErrors(errors.filter((e): e is FieldError => !!e));
}
