import { normalizeVnMobile } from '../identity/phone';

/** The 11-digit mobile prefixes retired in 2018, and the 10-digit prefix each became. */
// prettier-ignore
export const OLD_MOBILE_PREFIXES: Readonly<Record<string, string>> = {
  '0162': '032', '0163': '033', '0164': '034', '0165': '035', '0166': '036', '0167': '037', '0168': '038', '0169': '039',
  '0120': '070', '0121': '079', '0122': '077', '0126': '076', '0128': '078',
  '0123': '083', '0124': '084', '0125': '085', '0127': '081', '0129': '082',
  '0186': '056', '0188': '058', '0199': '059',
};

/**
 * A mobile number in any national form a list holds (`+84`, `84`, `0`, none at all when a spreadsheet
 * dropped the leading zero of a number cell; spaces, dots, dashes) to E.164, the old 11-digit numbers
 * mapped to their new prefix. Null when it is not a Vietnamese mobile number.
 */
export function normaliseTypedPhone(input: string): string | null {
  let d = input.trim().replace(/[\s.\-()]/g, '');
  if (!d) return null;
  if (d.startsWith('+84')) d = `0${d.slice(3).replace(/^0/, '')}`;
  else if (d.startsWith('84') && (d.length === 11 || d.length === 12)) d = `0${d.slice(2)}`;
  else if (/^[1-9]\d{8,9}$/.test(d)) d = `0${d}`;
  if (d.length === 11) {
    const next = OLD_MOBILE_PREFIXES[d.slice(0, 4)];
    if (!next) return null;
    d = next + d.slice(4);
  }
  return normalizeVnMobile(d);
}
