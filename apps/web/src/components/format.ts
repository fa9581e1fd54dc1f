import { currentLang } from '../i18n';

/** Date-time in the reader's language, Vietnam's time zone (officers read local times). */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString(currentLang() === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'short',
    timeStyle: 'medium',
  });
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
