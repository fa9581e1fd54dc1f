import { problem, type IdentityProblem } from './problem';

/** Vietnamese mobile numbers: 9 national digits starting with 3, 5, 7, 8 or 9. */
const NATIONAL_MOBILE = /^[35789]\d{8}$/;

/**
 * Normalises a Vietnamese mobile number to E.164 (`+84` + 9 digits).
 * Accepts `0…`, `84…`, `+84…`, with spaces, dots, dashes or parentheses.
 * Returns null when the input is not a Vietnamese mobile number.
 */
export function normalizeVnMobile(input: string): string | null {
  const compact = input.trim().replace(/[\s.\-()]/g, '');
  let national: string;
  if (compact.startsWith('+84')) national = compact.slice(3);
  else if (compact.startsWith('84') && compact.length === 11) national = compact.slice(2);
  else if (compact.startsWith('0')) national = compact.slice(1);
  else return null;
  // Some people write the trunk zero after the country code: +84 0912…
  if (national.length === 10 && national.startsWith('0')) national = national.slice(1);
  return NATIONAL_MOBILE.test(national) ? `+84${national}` : null;
}

export function validateVnMobile(input: string): IdentityProblem[] {
  return normalizeVnMobile(input)
    ? []
    : [
        problem(
          'PHONE_FORMAT',
          'Số điện thoại di động không hợp lệ (0 hoặc +84, rồi 9 chữ số bắt đầu bằng 3, 5, 7, 8 hoặc 9).',
          'Invalid mobile number (0 or +84, then 9 digits starting with 3, 5, 7, 8 or 9).',
        ),
      ];
}
