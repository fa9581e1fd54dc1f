import { problem, type IdentityProblem } from './problem';

export function normalizeCmnd(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/** The old identity card: 9 digits, or 12 for the cards issued 2012–2016. */
export function validateCmnd(value: string): IdentityProblem[] {
  return /^(\d{9}|\d{12})$/.test(normalizeCmnd(value))
    ? []
    : [problem('CMND_FORMAT', 'Số CMND phải gồm 9 hoặc 12 chữ số.', 'A CMND number has 9 or 12 digits.')];
}
