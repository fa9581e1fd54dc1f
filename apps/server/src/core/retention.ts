import type { Db } from './db/db';
import { LOCKS } from './db/locks';
import type { Scheduler } from './jobs/scheduler';

/**
 * Retention of the foundation's short-lived personal data. Domain tables that grow by the day
 * (check-ins, declarations) expire their own partitions; the audit log is kept (it is the legal record).
 */
export const RETENTION = {
  /** Expired sessions are useless and still identify a device. */
  sessionsAfterExpiryHours: 24,
  /** One-time codes (hashed phone, hashed code): only needed for rate limits, which look back 1 hour. */
  otpCodesDays: 1,
  /** Sent messages carry phone numbers; a month covers delivery disputes. */
  outboxMessagesDays: Number(process.env.PHONGDICH_OUTBOX_RETENTION_DAYS ?? 30),
  /** Idempotency keys only matter while a client may still retry. */
  idempotencyKeysHours: 48,
  /** Handled domain events (with their handling records): a week leaves time to look into one. */
  domainEventsDays: 7,
} as const;

export async function applyRetention(db: Db, now = new Date()): Promise<Record<string, number>> {
  const at = (ms: number) => new Date(now.getTime() - ms);
  const H = 3_600_000;
  const del = async (sql: string, before: Date) =>
    (
      await db.query<{ n: number }>(`with d as (${sql} returning 1) select count(*)::int as n from d`, [
        before,
      ])
    )[0]?.n ?? 0;
  return {
    sessions: await del(
      'delete from sessions where expires_at < $1',
      at(RETENTION.sessionsAfterExpiryHours * H),
    ),
    otpCodes: await del('delete from otp_codes where created_at < $1', at(RETENTION.otpCodesDays * 24 * H)),
    outboxMessages: await del(
      `delete from outbox_messages where created_at < $1 and status <> 'pending'`,
      at(RETENTION.outboxMessagesDays * 24 * H),
    ),
    idempotencyKeys: await del(
      'delete from idempotency_keys where created_at < $1',
      at(RETENTION.idempotencyKeysHours * H),
    ),
    // Only processed events: pending and dead ones still have work to do. Handlings go by cascade.
    domainEvents: await del(
      'delete from domain_events where processed_at < $1',
      at(RETENTION.domainEventsDays * 24 * H),
    ),
  };
}

/** Runs the retention at start and hourly while the server runs (one server at a time). */
export function scheduleRetention(jobs: Scheduler, db: Db): void {
  jobs.add({
    name: 'retention',
    everyMs: 3_600_000,
    atStart: 'background',
    lock: LOCKS.retention,
    run: async () => {
      const deleted = await applyRetention(db);
      // Counts only: what was deleted is nobody's business in a log.
      jobs.log.info({ deleted }, 'retention applied');
    },
  });
}
