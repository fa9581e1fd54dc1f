/**
 * Dates as people type them in a spreadsheet. Day first (the Vietnamese order): `dd/mm/yyyy`, `d/m/yy`,
 * `d-m-yyyy`, `d.m.yyyy`; ISO `yyyy-mm-dd`; an Excel serial day number; each with or without a time.
 * Anything that could be read two ways (a two-digit year that might be either century, a day-month
 * order that only holds if read month-first) is an error the row carries, never a guess.
 */
export type DateParse =
  | { ok: true; date: string; time: string | null }
  | { ok: false; code: 'DATE_FORMAT' | 'DATE_INVALID' | 'DATE_AMBIGUOUS' };

export interface DateOptions {
  /** Two-digit years: `yy` ≤ pivot → 20yy, else 19yy. Without a pivot a two-digit year is ambiguous. */
  twoDigitYearPivot?: number;
}

const pad = (n: number) => String(n).padStart(2, '0');

function valid(y: number, m: number, d: number): boolean {
  if (y < 1890 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function time(h?: string, mi?: string, s?: string): string | null | undefined {
  if (h === undefined) return null;
  const hh = Number(h);
  const mm = Number(mi);
  const ss = Number(s ?? 0);
  if (hh > 23 || mm > 59 || ss > 59) return undefined;
  return `${pad(hh)}:${pad(mm)}${s !== undefined ? `:${pad(ss)}` : ''}`;
}

const TIME = String.raw`(?:[ T]+(\d{1,2})[:h](\d{2})(?::(\d{2}))?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?`;
const DMY = new RegExp(String.raw`^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})${TIME}$`);
const YMD = new RegExp(String.raw`^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})${TIME}$`);
const SERIAL = /^(\d{4,5})(?:[.,](\d+))?$/;

/** Excel's day 1 is 1900-01-01 and it counts a 29 February 1900 that never was: serial 60. */
function fromSerial(whole: number, fraction: string | undefined): DateParse {
  if (whole < 61 || whole > 110_000) return { ok: false, code: 'DATE_INVALID' };
  const ms = Date.UTC(1899, 11, 30) + whole * 864e5;
  const d = new Date(ms);
  let t: string | null = null;
  if (fraction && Number(fraction) > 0) {
    const minutes = Math.round(Number(`0.${fraction}`) * 1440);
    t = `${pad(Math.floor(minutes / 60) % 24)}:${pad(minutes % 60)}`;
  }
  return { ok: true, date: d.toISOString().slice(0, 10), time: t };
}

export function parseTypedDate(input: string, options: DateOptions = {}): DateParse {
  const s = input.trim().replace(/\s+/g, ' ');
  if (!s) return { ok: false, code: 'DATE_FORMAT' };
  let m = YMD.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const t = time(m[4], m[5], m[6]);
    if (!valid(y, mo, d) || t === undefined) return { ok: false, code: 'DATE_INVALID' };
    return { ok: true, date: `${y}-${pad(mo)}-${pad(d)}`, time: t };
  }
  m = DMY.exec(s);
  if (m) {
    const [d, mo] = [Number(m[1]), Number(m[2])];
    let y = Number(m[3]);
    if (m[3]!.length === 2) {
      if (options.twoDigitYearPivot === undefined) return { ok: false, code: 'DATE_AMBIGUOUS' };
      y += y <= options.twoDigitYearPivot ? 2000 : 1900;
    }
    const t = time(m[4], m[5], m[6]);
    if (t === undefined) return { ok: false, code: 'DATE_INVALID' };
    if (valid(y, mo, d)) return { ok: true, date: `${y}-${pad(mo)}-${pad(d)}`, time: t };
    // 03/25/2021 is only a date month first: someone's export in US order, so the whole column may be.
    if (valid(y, d, mo)) return { ok: false, code: 'DATE_AMBIGUOUS' };
    return { ok: false, code: 'DATE_INVALID' };
  }
  m = SERIAL.exec(s);
  if (m) return fromSerial(Number(m[1]), m[2]);
  return { ok: false, code: 'DATE_FORMAT' };
}

/** A birth cell: a full date, or a year alone (lists often hold only "năm sinh"). */
export type BirthParse =
  | { ok: true; date: string | null; year: number }
  | { ok: false; code: 'DATE_FORMAT' | 'DATE_INVALID' | 'DATE_AMBIGUOUS' };

export function parseBirth(input: string, today = new Date()): BirthParse {
  const s = input.trim();
  if (/^\d{4}$/.test(s)) {
    const year = Number(s);
    return year >= 1890 && year <= today.getUTCFullYear()
      ? { ok: true, date: null, year }
      : { ok: false, code: 'DATE_INVALID' };
  }
  // A birth date's two-digit year is the most recent year it can be: '05 is 2005, '65 is 1965.
  const r = parseTypedDate(s, { twoDigitYearPivot: today.getUTCFullYear() % 100 });
  if (!r.ok) return r;
  if (r.date > today.toISOString().slice(0, 10)) return { ok: false, code: 'DATE_INVALID' };
  return { ok: true, date: r.date, year: Number(r.date.slice(0, 4)) };
}
