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
 * Runs a batch handler once for those of `events` it has not handled yet, in one transaction with
 * their records; returns how many it handled. Records are claimed in id order, so two servers holding
 * overlapping batches wait on each other in the same order (no deadlock) and the later one skips what
 * the first committed.
 */
async function handleBatchOnce(db: Db, h: EventHandler, events: readonly DomainEvent[]): Promise<number> {
  return db.transaction(async (tx) => {
    const claimed = await tx.query<{ event_id: number | string }>(
      `insert into domain_event_handlings (event_id, handler)
       select e, $2 from unnest($1::bigint[]) with ordinality as u(e, o) order by o
       on conflict do nothing returning event_id`,
      [events.map((e) => e.id), h.name],
    );
    const ids = new Set(claimed.map((r) => Number(r.event_id)));
    const mine = events.filter((e) => ids.has(e.id));
    if (mine.length) await h.handleBatch!(tx, mine);
    return mine.length;
  });
}

/**
 * One pass over due events, oldest first. Each event is leased to this pass, so two servers share the
 * work instead of both trying it. Each handler in turn takes its type's events: a batch handler all of
 * them in one transaction (one by one if that fails), the others one transaction per event. Returns
 * how many handler runs (event × handler) happened.
 */
export async function dispatchEventsOnce(
  db: Db,
  handlers: readonly EventHandler[],
  opts: DispatchOptions = {},
): Promise<number> {
  return (await dispatchPass(db, handlers, opts)).runs;
}

/**
 * The pass itself: how many events it took (handled, failed or with no handler) and how many
 * handler runs happened. A pass of events no handler wants runs nothing yet still clears them, so
 * callers looping "until nothing is due" count events, not runs.
 */
export async function dispatchPass(
  db: Db,
  handlers: readonly EventHandler[],
  opts: DispatchOptions = {},
): Promise<{ events: number; runs: number }> {
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
  const events: DomainEvent[] = rows
    .map((r) => ({ id: Number(r.id), type: r.type, payload: r.payload, createdAt: r.created_at }))
    .sort((a, b) => a.id - b.id);
  const attemptsOf = new Map(rows.map((r) => [Number(r.id), r.attempts]));
  // A failed handler leaves its event pending; the others are not run again (their record exists).
  const failed = new Map<number, string>();
  let runs = 0;
  const one = async (h: EventHandler, e: DomainEvent) => {
    try {
      if (await handleOnce(db, h, e)) runs++;
    } catch (err) {
      const error = err instanceof Error ? err : new Error(String(err));
      failed.set(e.id, `${h.name}: ${error.message}`.slice(0, 500));
      opts.onHandlerError?.({ eventId: e.id, type: e.type, handler: h.name, error });
    }
  };
  for (const h of handlers) {
    const mine = events.filter((e) => e.type === h.type);
    if (h.handleBatch && mine.length > 1) {
      try {
        runs += await handleBatchOnce(db, h, mine);
        continue;
      } catch {
        // Rolled back whole: each event alone below, so the bad one is found, retried and reported alone.
      }
    }
    for (const e of mine) await one(h, e);
  }
  for (const [id, error] of failed) {
    const attempts = attemptsOf.get(id)! + 1;
    await db.query(
      `update domain_events set attempts = $2::int, last_error = $3,
         next_attempt_at = now() + $4::int * interval '1 millisecond',
         dead_at = case when $2::int >= $5::int then now() end
       where id = $1`,
      [id, attempts, error, backoff(attempts), maxAttempts],
    );
  }
  const done = events.filter((e) => !failed.has(e.id)).map((e) => e.id);
  if (done.length)
    await db.query(
      'update domain_events set processed_at = now(), last_error = null where id = any($1::bigint[])',
      [done],
    );
  return { events: events.length, runs };
}
