import { currentLang } from '../i18n';
import { formatterFor, localeOf } from './format-in';

/**
 * Every date and time the app shows goes through these: the chosen language's conventions and Vietnam's
 * time zone, never the device's locale or zone (a phone set to English or abroad still reads Vietnam time).
 */
const locale = () => localeOf(currentLang());
const formatter = (kind: 'dateTime' | 'date' | 'time') => formatterFor(currentLang(), kind);

const toDate = (v: string | number | Date) => (v instanceof Date ? v : new Date(v));

/** Date and time, e.g. "14:05:09 3/12/2026" in Vietnamese, "03/12/2026, 14:05:09" in English. */
export function formatDateTime(v: string | number | Date): string {
  return formatter('dateTime').format(toDate(v));
}

/** The calendar day in Vietnam. A bare "YYYY-MM-DD" (a birth date) is a day, not an instant: shown as is. */
export function formatDate(v: string | number | Date): string {
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v)) {
    return new Intl.DateTimeFormat(locale(), {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'numeric',
      year: 'numeric',
    }).format(new Date(`${v}T00:00:00Z`));
  }
  return formatter('date').format(toDate(v));
}

/** The time of day in Vietnam. */
export function formatTime(v: string | number | Date): string {
  return formatter('time').format(toDate(v));
}

export function formatNumber(n: number): string {
  return n.toLocaleString(currentLang() === 'vi' ? 'vi-VN' : 'en-GB');
}

/** A fresh key so a retried POST is not applied twice. randomUUID needs a secure context, so fall back. */
export function idempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
}
