// Vietnam-time formatting for a given language, without the i18n runtime: the light first-visit
// check-in page (src/light) formats with it too, so both show the same times.
export type FormatLang = 'vi' | 'en';

const TIME_ZONE = 'Asia/Ho_Chi_Minh';
export const localeOf = (lang: FormatLang) => (lang === 'vi' ? 'vi-VN' : 'en-GB');
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatterFor(lang: FormatLang, kind: 'dateTime' | 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}:${kind}`;
  let f = formatters.get(key);
  if (!f) {
    // Four-digit years and 24-hour clocks in both languages (dateStyle 'short' gives "26" for 2026).
    const date: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'numeric', year: 'numeric' };
    const time: Intl.DateTimeFormatOptions = {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    };
    const style = kind === 'dateTime' ? { ...date, ...time } : kind === 'date' ? date : time;
    f = new Intl.DateTimeFormat(localeOf(lang), { timeZone: TIME_ZONE, ...style });
    formatters.set(key, f);
  }
  return f;
}
