import type { DeadEvent } from '@phongdich/contracts';
import type { Queryable } from '../db/db';

interface DeadRow {
  id: number | string;
  type: string;
  attempts: number;
  last_error: string | null;
  created_at: Date;
  last_attempt_at: Date | null;
}

/** Dead letters, newest first. Payloads stay out: they name people. */
export async function listDeadEvents(q: Queryable, limit = 200): Promise<DeadEvent[]> {
  const rows = await q.query<DeadRow>(
    `select id, type, attempts, last_error, created_at, last_attempt_at from domain_events
     where dead_at is not null and processed_at is null order by id desc limit $1`,
    [limit],
  );
  return rows.map((r) => ({
    id: Number(r.id),
    type: r.type,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: r.created_at.toISOString(),
    lastAttemptAt: r.last_attempt_at?.toISOString() ?? null,
  }));
}

/**
 * Gives a dead letter a fresh set of attempts, due now. Handlers that already handled it are not run
 * again (their records stay). False when no dead letter has this id.
 */
export async function retryDeadEvent(q: Queryable, id: number): Promise<{ type: string } | null> {
  const rows = await q.query<{ type: string }>(
    `update domain_events set dead_at = null, attempts = 0, next_attempt_at = now()
     where id = $1 and dead_at is not null and processed_at is null returning type`,
    [id],
  );
  return rows[0] ?? null;
}
