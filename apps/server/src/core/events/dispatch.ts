import type { EventType } from '@phongdich/contracts';
import type { Db } from '../db/db';
import type { DomainEvent, EventHandler } from './handler';

export interface DispatchOptions {
  /** Events taken per pass. */
  batch?: number;
  /** Failed attempts after which an event becomes a dead letter, waiting for an administrator. */
  maxAttempts?: number;
  /** Wait before the next attempt after `attempts` failures (milliseconds). */
  backoffMs?: (attempts: number) => number;
  /**
   * How long an event stays with the dispatcher that took it. Another server takes it only after
   * this, if the first died; the handlings table still keeps each handler's effect to one.
   */
  leaseMs?: number;
  /** Called once per failed handler run (never with the payload). */
  onHandlerError?: (info: { eventId: number; type: string; handler: string; error: Error }) => void;
}

export const EVENT_MAX_ATTEMPTS = 10;

/** 5 s, 10 s, 20 s… capped at an hour. */
export function defaultBackoffMs(attempts: number): number {
  return Math.min(5_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

interface EventRow {
  id: number | string;
  type: EventType;
  payload: DomainEvent['payload'];
  created_at: Date;
  attempts: number;
}

/** Runs one handler for one event unless it already ran; false if it had (here or on another server). */
async function handleOnce(db: Db, h: EventHandler, e: DomainEvent): Promise<boolean> {
  return db.transaction(async (tx) => {
    // Blocks while another server's transaction holds the same record; conflicts once that commits.
    const claimed = await tx.query(
      `insert into domain_event_handlings (event_id, handler) values ($1, $2)
       on conflict do nothing returning event_id`,
      [e.id, h.name],
    );
    if (!claimed.length) return false;
    await h.handle(tx, e);
    return true;
  });
}

/**
 * One pass over due events, oldest first. Each event is leased to this pass, so two servers share the
 * work instead of both trying it. Returns how many handler runs happened.
 */
export async function dispatchEventsOnce(
  db: Db,
  handlers: readonly EventHandler[],
  opts: DispatchOptions = {},
): Promise<number> {
  const maxAttempts = opts.maxAttempts ?? EVENT_MAX_ATTEMPTS;
  const backoff = opts.backoffMs ?? defaultBackoffMs;
  const rows = await db.query<EventRow>(
    `update domain_events set next_attempt_at = now() + $2::int * interval '1 millisecond',
       last_attempt_at = now()
     where id in (select id from domain_events
                  where processed_at is null and dead_at is null and next_attempt_at <= now()
                  order by id limit $1 for update skip locked)
     returning id, type, payload, created_at, attempts`,
    [opts.batch ?? 100, opts.leaseMs ?? 60_000],
  );
  rows.sort((a, b) => Number(a.id) - Number(b.id));
  let runs = 0;
  for (const r of rows) {
    const event: DomainEvent = {
      id: Number(r.id),
      type: r.type,
      payload: r.payload,
      createdAt: r.created_at,
    };
    let failed: string | null = null;
    for (const h of handlers.filter((x) => x.type === r.type)) {
      try {
        if (await handleOnce(db, h, event)) runs++;
      } catch (err) {
        const error = err instanceof Error ? err : new Error(String(err));
        failed = `${h.name}: ${error.message}`.slice(0, 500);
        opts.onHandlerError?.({ eventId: event.id, type: r.type, handler: h.name, error });
      }
    }
    // A failed handler leaves the event pending; the others are not run again (their record exists).
    if (failed) {
      const attempts = r.attempts + 1;
      await db.query(
        `update domain_events set attempts = $2::int, last_error = $3,
           next_attempt_at = now() + $4::int * interval '1 millisecond',
           dead_at = case when $2::int >= $5::int then now() end
         where id = $1`,
        [event.id, attempts, failed, backoff(attempts), maxAttempts],
      );
    } else
      await db.query('update domain_events set processed_at = now(), last_error = null where id = $1', [
        event.id,
      ]);
  }
  return runs;
}
