// BHYT (health insurance) card QR: `number|name as hex UTF-8|DD/MM/YYYY|sex|address|...`.
// Only the number is relied on; the name and birth date are decoded when present and sane.
import { normalizeBhyt } from '../identity/bhyt';

const BHYT_SHAPE = /^[A-Z]{2}\d{13}$/;

export interface BhytScan {
  number: string;
  fullName?: string;
  /** 'YYYY-MM-DD', or 'YYYY' when the card only prints a birth year. */
  birthDate?: string;
}

/** The 15-character number if `text` has its shape (spaces, dots and dashes tolerated), else null. */
export function bhytNumberShape(text: string): string | null {
  const v = normalizeBhyt(text);
  return BHYT_SHAPE.test(v) ? v : null;
}

function decodeHexUtf8(hex: string): string | undefined {
  if (!hex || hex.length % 2 !== 0 || !/^[0-9a-fA-F]+$/.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(2 * i, 2 * i + 2), 16);
  try {
    const name = new TextDecoder('utf-8', { fatal: true }).decode(bytes).normalize('NFC').trim();
    return name && !/\p{Cc}/u.test(name) ? name : undefined;
  } catch {
    return undefined;
  }
}

function birthDateOf(text: string): string | undefined {
  const year = /^(\d{4})$/.exec(text);
  if (year) return year[1];
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(text);
  if (!m) return undefined;
  const [, dd, mm, yyyy] = m;
  const d = new Date(Date.UTC(Number(yyyy), Number(mm) - 1, Number(dd)));
  return d.getUTCDate() === Number(dd) && d.getUTCMonth() === Number(mm) - 1
    ? `${yyyy}-${mm}-${dd}`
    : undefined;
}

/** A bare number or the card's pipe-separated QR; null when the first field is not a BHYT number. */
export function parseBhytScan(text: string): BhytScan | null {
  const [first = '', hexName = '', birth = ''] = text.split('|').map((p) => p.trim());
  const number = bhytNumberShape(first);
  if (!number) return null;
  const scan: BhytScan = { number };
  const fullName = decodeHexUtf8(hexName);
  if (fullName) scan.fullName = fullName;
  const birthDate = birthDateOf(birth);
  if (birthDate) scan.birthDate = birthDate;
  return scan;
}
