/** The calendar day (YYYY-MM-DD) of an instant in Vietnam (UTC+7 all year, no daylight saving). */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
