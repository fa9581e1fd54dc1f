// Standardised names (DCC `fnt`/`gnt`): ICAO Doc 9303 Part 3 transliteration into A–Z and the filler `<`.
// The DCC schema allows only ^[A-Z<]*$ up to 80 characters, so anything else must go before signing,
// or a single unusual name (a digit, an apostrophe) makes the whole certificate fail schema validation.

/** ICAO 9303 Part 3 §6 transliterations of letters that do not decompose to A–Z plus a mark. */
const LETTERS: Record<string, string> = {
  Đ: 'D',
  Ð: 'D',
  Æ: 'AE',
  Œ: 'OE',
  Ø: 'OE',
  ß: 'SS',
  Þ: 'TH',
  Ł: 'L',
  Ħ: 'H',
  Ŧ: 'T',
  İ: 'I',
  Ŀ: 'L',
  Ŋ: 'N',
  ĸ: 'K',
};
/** German-style umlauts are written with an E in ICAO 9303 (Ä → AE, Ö → OE, Ü → UE). */
const UMLAUTS: Record<string, string> = { Ä: 'AE', Ö: 'OE', Ü: 'UE' };

export const ICAO_NAME_MAX = 80;

/**
 * One name in the MRZ character set. Rules (ICAO 9303 Part 3 §6.A): letters with diacritics lose them
 * (Vietnamese ư → U, ơ → O, đ → D); spaces, hyphens and commas become the filler `<`; apostrophes and all
 * other punctuation are omitted; numerals are not permitted in a name and are omitted; runs of fillers
 * collapse to one and none leads or trails. The result may be empty (a "name" of digits only).
 */
export function icaoTransliterate(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFC').toUpperCase()) {
    const mapped = UMLAUTS[ch] ?? LETTERS[ch] ?? ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    for (const c of mapped) {
      if (c >= 'A' && c <= 'Z') out += c;
      else if (c === ' ' || c === '-' || c === ',' || c === '<' || /\s/.test(c)) out += '<';
      // anything else (apostrophes, dots, digits, symbols, letters of other scripts) is omitted
    }
  }
  out = out.replace(/<+/g, '<').replace(/^<|<$/g, '');
  return out.slice(0, ICAO_NAME_MAX).replace(/<$/, '');
}
