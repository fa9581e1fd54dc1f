import { AppError, fieldError } from '../../core/errors';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Live calls: a device clock up to 7 days behind (a phone left unset) or 1 hour ahead. */
export const LIVE_MAX_PAST_MS = 7 * DAY_MS;
export const MAX_FUTURE_MS = HOUR_MS;
export const MAX_BATCH_ITEMS = 1000;

/** PHONGDICH_CHECKIN_RETENTION_DAYS, default 30: the 14-day tracing window plus margin. */
export function checkinRetentionDays(env: NodeJS.ProcessEnv = process.env): number {
  const days = Number(env.PHONGDICH_CHECKIN_RETENTION_DAYS ?? 30);
  if (!Number.isInteger(days) || days < 1) throw new Error('PHONGDICH_CHECKIN_RETENTION_DAYS must be ≥ 1');
  return days;
}

/**
 * PHONGDICH_CHECKIN_SAME_VISIT_MINUTES, default 30: the same person scanned again at the same venue
 * within this many minutes (by any of their codes: app QR, printed card, CCCD, BHYT) is the same
 * visit, answered with the first check-in instead of a second row. 0 turns it off.
 */
export function checkinSameVisitMinutes(env: NodeJS.ProcessEnv = process.env): number {
  const minutes = Number(env.PHONGDICH_CHECKIN_SAME_VISIT_MINUTES ?? 30);
  if (!Number.isInteger(minutes) || minutes < 0 || minutes > 1440)
    throw new Error('PHONGDICH_CHECKIN_SAME_VISIT_MINUTES must be 0–1440');
  return minutes;
}

/**
 * Device time is kept as given but only accepted within bounds: live calls within 7 days behind and
 * 1 hour ahead; offline queues (source 'sync') may be as old as the retention window.
 */
export function checkDeviceTime(
  text: string,
  source: 'live' | 'sync',
  now: Date,
  retentionDays: number,
): Date {
  const t = new Date(text);
  if (Number.isNaN(t.getTime())) {
    throw new AppError('VALIDATION_FAILED', [
      fieldError('deviceTime', 'DATE_FORMAT', 'Thời gian không hợp lệ.', 'Invalid time.'),
    ]);
  }
  const maxPast = source === 'live' ? LIVE_MAX_PAST_MS : retentionDays * DAY_MS;
  if (t.getTime() > now.getTime() + MAX_FUTURE_MS || t.getTime() < now.getTime() - maxPast) {
    throw new AppError('CLOCK_SKEW');
  }
  return t;
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
