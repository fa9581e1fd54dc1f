// The staff's "scanned today" counter counts Vietnam's day, not the device's: a phone left on another
// time zone (or a shift that crosses the device's midnight) must not reset or merge the count.
const vietnamDay = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Ho_Chi_Minh',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The localStorage key of the counter for the Vietnamese calendar day that contains `now`. */
export function scannerCountKey(now: Date): string {
  return `phongdich.scanner.count.${vietnamDay.format(now)}`;
}
