import type { Interval, TracingRuleSet } from './types';

const MIN_MS = 60_000;

/** How long a visit at a point of this kind is assumed to last without a check-out, in minutes. */
export function defaultStayMinutes(rules: TracingRuleSet, venueKind: string): number {
  return Object.hasOwn(rules.presence.defaultStayMinutes, venueKind)
    ? rules.presence.defaultStayMinutes[venueKind]!
    : rules.presence.fallbackStayMinutes;
}

export interface Presence extends Interval {
  /** The end is the default stay, not a recorded check-out (or a check-out past the maximum stay). */
  estimated: boolean;
}

/**
 * A visit's interval: from check-in to check-out when one was recorded (and it is after the check-in),
 * else to check-in + the kind's default stay; never longer than the maximum stay.
 */
export function presenceInterval(
  v: { checkinAt: Date; checkoutAt: Date | null; venueKind: string },
  rules: TracingRuleSet,
): Presence {
  const start = v.checkinAt;
  const max = new Date(start.getTime() + rules.presence.maxStayMinutes * MIN_MS);
  if (v.checkoutAt && v.checkoutAt > start) {
    return v.checkoutAt > max
      ? { start, end: max, estimated: true }
      : { start, end: v.checkoutAt, estimated: false };
  }
  const end = new Date(start.getTime() + defaultStayMinutes(rules, v.venueKind) * MIN_MS);
  return { start, end: end > max ? max : end, estimated: true };
}

/** The common part of two intervals, or null when they only touch or do not meet. */
export function overlap(a: Interval, b: Interval): Interval | null {
  const start = a.start > b.start ? a.start : b.start;
  const end = a.end < b.end ? a.end : b.end;
  return end > start ? { start, end } : null;
}

/** Whole and partial minutes of the common part (0 when none). */
export function overlapMinutes(a: Interval, b: Interval): number {
  const o = overlap(a, b);
  return o ? (o.end.getTime() - o.start.getTime()) / MIN_MS : 0;
}

/** The rotation interval an instant falls in (index counted from the epoch), for proximity identifiers. */
export function rotationInterval(
  at: Date,
  rotationMinutes: number,
): { index: number; start: Date; end: Date } {
  const len = rotationMinutes * MIN_MS;
  const index = Math.floor(at.getTime() / len);
  return { index, start: new Date(index * len), end: new Date((index + 1) * len) };
}
