import type Ajv from 'ajv';

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,9})?(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/**
 * Years the platform accepts in dates. Year 0000 does not exist in the Gregorian calendar PostgreSQL
 * uses (the embedded database fails on it) and nothing the platform records predates year 1000.
 */
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function validDay(y: string, m: string, d: string): boolean {
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  return (
    year >= MIN_YEAR &&
    year <= MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysIn(year, month)
  );
}

/** A real calendar day `YYYY-MM-DD`: not 2021-02-30, not year 0000. */
export function isStrictDate(value: string): boolean {
  const m = DATE.exec(value);
  return !!m && validDay(m[1]!, m[2]!, m[3]!);
}

/** An RFC 3339 date-time on a real day, with a real time of day and offset, whose instant is in range. */
export function isStrictDateTime(value: string): boolean {
  const m = DATE_TIME.exec(value);
  if (!m || !validDay(m[1]!, m[2]!, m[3]!)) return false;
  if (Number(m[4]) > 23 || Number(m[5]) > 59 || Number(m[6]) > 59) return false;
  if (m[7] && (Number(m[8]) > 23 || Number(m[9]) > 59)) return false;
  // The offset may carry the instant out of range (e.g. 1000-01-01T00:00:00+01:00).
  const year = new Date(value.replace(' ', 'T')).getUTCFullYear();
  return year >= MIN_YEAR && year <= MAX_YEAR;
}

/**
 * Replaces ajv-formats' `date` and `date-time` (which accept year 0000 and, for date-time, offsets past
 * the range) in the server's validator; every schema with `format: 'date'` or `'date-time'` uses them.
 * Pass as Fastify's `ajv.onCreate` (it runs after ajv-formats is added).
 */
export function addStrictFormats(ajv: Ajv): void {
  ajv.addFormat('date', { type: 'string', validate: isStrictDate });
  ajv.addFormat('date-time', { type: 'string', validate: isStrictDateTime });
}
