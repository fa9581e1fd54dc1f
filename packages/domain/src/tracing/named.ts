import { normaliseName } from '../import/name';
import { parseIdNumber, type IdNumber } from '../import/id-number';
import { normaliseTypedPhone } from '../import/phone';

/** One person the case named in the investigation's free-text "close contacts" answer. */
export interface NamedEntry {
  /** The name as typed, each word capitalised; null when only a number was written. */
  name: string | null;
  /** Folded (no case, no diacritics) for matching. */
  nameFolded: string | null;
  /** E.164 mobile numbers written on the line. */
  phones: string[];
  /** CCCD or CMND numbers written on the line. */
  ids: IdNumber[];
}

// A run of digits with the separators people type inside numbers (spaces, dots, dashes), optionally +84.
const NUMBER_RUN = /\+?\d[\d .-]{6,16}\d/g;
// The labels investigators write before numbers, so they are not read as part of the name.
// Lookarounds, not \b: \b knows only ASCII letters, and "đt" starts with one it does not.
const LABELS =
  /(?<![\p{L}\d])(sđt|sdt|đt|dt|điện thoại|dien thoai|phone|tel|cccd|cmnd|cmt|căn cước|can cuoc|số|so|id)(?![\p{L}])\s*[:.]?/giu;

/**
 * The people named in the answer, one per line (or per ';'): each line's mobile numbers and CCCD/CMND
 * numbers, and what is left as the name. A line with neither a number nor a name is skipped. The
 * answer is what the case said aloud: nothing here is trusted beyond matching it to the registry.
 */
export function parseNamedContacts(text: string): NamedEntry[] {
  const out: NamedEntry[] = [];
  for (const line of text.split(/[\n;]+/)) {
    const phones: string[] = [];
    const ids: IdNumber[] = [];
    let rest = line;
    for (const m of line.match(NUMBER_RUN) ?? []) {
      const phone = normaliseTypedPhone(m);
      const digits = m.replace(/[^\d]/g, '');
      // A CCCD is 12 digits and a mobile 10: the number of digits says which was meant.
      const id = !phone && /^\d+$/.test(digits) ? parseIdNumber(digits) : null;
      if (phone) {
        if (!phones.includes(phone)) phones.push(phone);
      } else if (id && (id.kind === 'cccd' || id.kind === 'cmnd')) {
        if (!ids.some((i) => i.value === id.value)) ids.push(id);
      } else continue;
      rest = rest.replace(m, ' ');
    }
    const cleaned = rest
      .replace(LABELS, ' ')
      .replace(/[\d()[\]{}:,./\\+*#_|-]+/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const name = cleaned.length >= 2 ? normaliseName(cleaned.slice(0, 100)) : null;
    if (!phones.length && !ids.length && !name) continue;
    out.push({ name: name?.display ?? null, nameFolded: name?.folded ?? null, phones, ids });
  }
  return out.slice(0, 100);
}
