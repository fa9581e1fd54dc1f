import { validateBhyt, normalizeBhyt } from '../identity/bhyt';
import { decodeCccd } from '../identity/cccd';

export type IdNumber =
  | { kind: 'cccd'; value: string }
  | { kind: 'cmnd'; value: string }
  | { kind: 'passport'; value: string }
  | { kind: 'bhyt'; value: string };

/**
 * An identity number as typed in a list's one "số giấy tờ" column: CCCD (12 digits), CMND (9), a BHYT
 * card (2 letters + 13 digits) or a passport (a letter and 7–8 digits, or what a foreign passport holds).
 * A number cell loses its leading zero in Excel, and every CCCD starts with 0: 11 digits are a CCCD
 * with its zero restored (10 for provinces 001–009), 8 a CMND. Null when the text is none of them.
 */
export function parseIdNumber(input: string): IdNumber | null {
  const v = input
    .trim()
    .replace(/[\s.-]/g, '')
    .toUpperCase();
  if (!v) return null;
  if (/^\d+$/.test(v)) {
    if (v.length === 10 || v.length === 11 || v.length === 12) {
      const padded = v.padStart(12, '0');
      return decodeCccd(padded) ? { kind: 'cccd', value: padded } : null;
    }
    if (v.length === 8 || v.length === 9) return { kind: 'cmnd', value: v.padStart(9, '0') };
    return null;
  }
  if (/^[A-Z]{2}\d{13}$/.test(v) && validateBhyt(v).length === 0)
    return { kind: 'bhyt', value: normalizeBhyt(v) };
  if (/^[A-Z]\d{7,8}$/.test(v) || /^[A-Z0-9]{6,9}$/.test(v)) return { kind: 'passport', value: v };
  return null;
}
