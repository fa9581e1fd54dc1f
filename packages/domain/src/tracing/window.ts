import type { Interval, TracingRuleSet } from './types';

const DAY_MS = 86_400_000;

/** The rule set in force at `at`: the latest whose effectiveFrom is not after it. */
export function selectTracingRules(sets: readonly TracingRuleSet[], at: Date): TracingRuleSet | undefined {
  let best: TracingRuleSet | undefined;
  for (const s of sets) {
    const from = Date.parse(s.effectiveFrom);
    if (Number.isNaN(from)) throw new TypeError(`Tracing rule set ${s.version} has no valid effectiveFrom`);
    if (from > at.getTime()) continue;
    if (best && Date.parse(best.effectiveFrom) === from)
      throw new Error('Two tracing rule sets take effect at the same time');
    if (!best || from > Date.parse(best.effectiveFrom)) best = s;
  }
  return best;
}

/** What the window depends on: dates are 'YYYY-MM-DD' days (Vietnam), instants ISO strings or Dates. */
export interface WindowInput {
  /** The day symptoms began, if the case had any. */
  symptomOnset: string | null;
  /** When the positive sample was taken. */
  sampleDate: string | Date;
  /** When the case was isolated, if it was. */
  isolatedAt: string | Date | null;
}

/** Start of a Vietnam calendar day (UTC+7, no daylight saving). */
function vnDayStart(day: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new TypeError(`not a day: '${day}'`);
  return new Date(`${day}T00:00:00+07:00`);
}

const toDate = (v: string | Date) => {
  const d = v instanceof Date ? v : /^\d{4}-\d{2}-\d{2}$/.test(v) ? vnDayStart(v) : new Date(v);
  if (Number.isNaN(d.getTime())) throw new TypeError(`not a date: '${String(v)}'`);
  return d;
};

/**
 * The infectious window: from `daysBeforeOnset` days before the day symptoms began (or
 * `daysBeforeSample` days before the positive sample's day when there were none) until isolation, or,
 * not isolated yet, until `now` but no longer than `maxOpenDays` from the start. Days are whole
 * Vietnam days: "2 days before the 10th" opens at 00:00 on the 8th.
 */
export function infectiousWindow(input: WindowInput, rules: TracingRuleSet, now: Date): Interval {
  const anchor = input.symptomOnset ? vnDayStart(input.symptomOnset) : vnDayOf(toDate(input.sampleDate));
  const days = input.symptomOnset ? rules.window.daysBeforeOnset : rules.window.daysBeforeSample;
  const start = new Date(anchor.getTime() - days * DAY_MS);
  const cap = new Date(start.getTime() + rules.window.maxOpenDays * DAY_MS);
  const isolated = input.isolatedAt ? toDate(input.isolatedAt) : null;
  let end = isolated ?? (now < cap ? now : cap);
  if (end < start) end = start;
  return { start, end };
}

/** 00:00 Vietnam time of the day `d` falls in. */
export function vnDayOf(d: Date): Date {
  const local = new Date(d.getTime() + 7 * 3_600_000);
  return vnDayStart(local.toISOString().slice(0, 10));
}

/** 'YYYY-MM-DD' of the Vietnam day `d` falls in. */
export function vnDay(d: Date): string {
  return new Date(d.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
}
