import { problem, type IdentityProblem } from './problem';
import { isProvinceCode } from './provinces';

/**
 * Beneficiary group codes printed as the first two letters of a BHYT card (Circular 40/2015 and
 * later amendments). Kept as data so a revised list is a one-line change.
 */
// prettier-ignore
export const BHYT_GROUPS: ReadonlySet<string> = new Set([
  'DN', 'HX', 'CH', 'NN', 'TK', 'HC', 'XK', 'HT', 'TB', 'NO', 'CT', 'XB', 'TN', 'CS', 'XN', 'MS',
  'HD', 'TQ', 'TA', 'TY', 'HG', 'LS', 'PV', 'CC', 'CK', 'CB', 'KC', 'HS', 'SV', 'GB', 'GD', 'TE',
  'HN', 'DT', 'DK', 'XD', 'BT', 'HK', 'TS', 'CN', 'CA', 'QN', 'CY',
]);

export function normalizeBhyt(value: string): string {
  return value.replace(/[\s.-]/g, '').toUpperCase();
}

/** 15 characters: group (2 letters), benefit level (1–5), province (2 digits), social insurance no. (10). */
export function validateBhyt(value: string): IdentityProblem[] {
  const v = normalizeBhyt(value);
  if (!/^[A-Z]{2}\d{13}$/.test(v)) {
    return [
      problem(
        'BHYT_FORMAT',
        'Mã thẻ BHYT gồm 15 ký tự: 2 chữ cái và 13 chữ số.',
        'A BHYT number has 15 characters: 2 letters then 13 digits.',
      ),
    ];
  }
  const problems: IdentityProblem[] = [];
  if (!BHYT_GROUPS.has(v.slice(0, 2))) {
    problems.push(
      problem('BHYT_GROUP', 'Mã đối tượng BHYT không hợp lệ.', 'Unknown BHYT beneficiary group.'),
    );
  }
  const level = Number(v[2]);
  if (level < 1 || level > 5) {
    problems.push(
      problem('BHYT_LEVEL', 'Mức hưởng BHYT phải từ 1 đến 5.', 'The BHYT benefit level must be 1 to 5.'),
    );
  }
  if (!isProvinceCode(v.slice(3, 5))) {
    problems.push(
      problem(
        'BHYT_PROVINCE',
        'Mã tỉnh trên thẻ BHYT không hợp lệ.',
        'Invalid province code on the BHYT card.',
      ),
    );
  }
  return problems;
}

/** The 10-digit social insurance number: the person's lifelong key inside the card number. */
export function bhytSocialInsuranceNumber(value: string): string | null {
  const v = normalizeBhyt(value);
  return /^[A-Z]{2}\d{13}$/.test(v) ? v.slice(5) : null;
}
