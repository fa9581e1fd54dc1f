import { foldVietnamese } from '../text/fold';

/**
 * A name as typed ("NGUYỄN văn  an", "nguyen van an"): `folded` for matching (no case, no diacritics),
 * `display` kept as typed but with each word capitalised, so a list typed in capitals reads like a
 * name ("Nguyễn Văn An") without inventing diacritics the typist left out.
 */
export function normaliseName(input: string): { display: string; folded: string } | null {
  const words = input.normalize('NFC').trim().split(/\s+/).filter(Boolean);
  if (!words.length) return null;
  const display = words
    .map((w) => w.charAt(0).toLocaleUpperCase('vi') + w.slice(1).toLocaleLowerCase('vi'))
    .join(' ');
  const folded = foldVietnamese(display);
  return folded ? { display, folded } : null;
}
