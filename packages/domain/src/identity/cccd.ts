import { problem, type IdentityProblem } from './problem';
import { isProvinceCode } from './provinces';

export type Sex = 'male' | 'female';

export interface DecodedCccd {
  provinceCode: string;
  sex: Sex;
  birthYear: number;
}

const FORMAT = problem('CCCD_FORMAT', 'Số CCCD phải gồm 12 chữ số.', 'A CCCD number has 12 digits.');
const PROVINCE = problem(
  'CCCD_PROVINCE',
  'Ba chữ số đầu của CCCD không phải mã tỉnh/thành hợp lệ.',
  'The first three digits of the CCCD are not a valid province code.',
);

export function normalizeCccd(value: string): string {
  return value.replace(/[\s.-]/g, '');
}

/**
 * Reads what a CCCD number encodes: digits 1–3 `0` + province, digit 4 century and sex
 * (even = male, odd = female; 0/1 the 1900s, 2/3 the 2000s, 4/5 the 2100s…), digits 5–6 the year.
 * Returns null when the number is not well formed.
 */
export function decodeCccd(value: string): DecodedCccd | null {
  const v = normalizeCccd(value);
  if (!/^\d{12}$/.test(v) || v[0] !== '0') return null;
  const provinceCode = v.slice(1, 3);
  if (!isProvinceCode(provinceCode)) return null;
  const centuryDigit = Number(v[3]);
  return {
    provinceCode,
    sex: centuryDigit % 2 === 0 ? 'male' : 'female',
    birthYear: 1900 + Math.floor(centuryDigit / 2) * 100 + Number(v.slice(4, 6)),
  };
}

/** Checks a CCCD number and, when given, that it agrees with the declared birth year and sex. */
export function validateCccd(
  value: string,
  declared: { birthYear?: number | null; sex?: string | null } = {},
  now: Date = new Date(),
): IdentityProblem[] {
  const v = normalizeCccd(value);
  if (!/^\d{12}$/.test(v)) return [FORMAT];
  if (v[0] !== '0' || !isProvinceCode(v.slice(1, 3))) return [PROVINCE];
  const decoded = decodeCccd(v) as DecodedCccd;
  const problems: IdentityProblem[] = [];
  if (declared.sex && declared.sex !== 'other' && declared.sex !== decoded.sex) {
    problems.push(
      problem(
        'CCCD_CENTURY_SEX',
        'Chữ số thứ 4 của CCCD (thế kỷ và giới tính) không khớp với giới tính đã khai.',
        'The 4th CCCD digit (century and sex) does not match the declared sex.',
      ),
    );
  }
  const yearMismatch = declared.birthYear != null && declared.birthYear !== decoded.birthYear;
  if (yearMismatch || decoded.birthYear > now.getUTCFullYear()) {
    problems.push(
      problem(
        'CCCD_BIRTH_YEAR',
        'Năm sinh mã hóa trong CCCD không khớp với năm sinh đã khai.',
        'The birth year encoded in the CCCD does not match the declared birth year.',
      ),
    );
  }
  return problems;
}
