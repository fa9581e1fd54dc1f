import type { Db, Queryable } from '../../core/db/db';

export interface DomainEvent<P = Record<string, unknown>> {
  id: number;
  type: string;
  payload: P;
  createdAt: Date;
}

/**
 * A subscriber. `name` must be stable: it records which events the handler has already handled.
 * `handle` runs in a transaction together with that record, so its database effects commit once.
 */
export interface EventHandler {
  name: string;
  type: string;
  handle(tx: Queryable, event: DomainEvent): Promise<void>;
}

/** Records an event in the caller's transaction: it exists only if the change that caused it commits. */
export async function emitEvent(
  tx: Queryable,
  type: string,
  payload: Record<string, unknown>,
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'insert into domain_events (type, payload) values ($1, $2) returning id',
    [type, JSON.stringify(payload)],
  );
  return rows[0]!.id;
}

interface EventRow {
  id: number;
  type: string;
  payload: Record<string, unknown>;
  created_at: Date;
}

/** Runs one handler for one event unless it already ran; false if another dispatcher got there first. */
async function handleOnce(db: Db, h: EventHandler, e: DomainEvent): Promise<boolean> {
  return db.transaction(async (tx) => {
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

/** One pass over unprocessed events, oldest first (an event failing 10 times waits for an operator). Returns how many handler runs happened. */
export async function dispatchEventsOnce(db: Db, handlers: EventHandler[], batch = 100): Promise<number> {
  const rows = await db.query<EventRow>(
    'select id, type, payload, created_at from domain_events where processed_at is null and attempts < 10 order by id limit $1',
    [batch],
  );
  let runs = 0;
  for (const r of rows) {
    const event: DomainEvent = { id: r.id, type: r.type, payload: r.payload, createdAt: r.created_at };
    let failed: string | null = null;
    for (const h of handlers.filter((x) => x.type === r.type)) {
      try {
        if (await handleOnce(db, h, event)) runs++;
      } catch (err) {
        failed = `${h.name}: ${(err as Error).message}`.slice(0, 500);
      }
    }
    // A failed handler leaves the event pending; the others are not run again (their record exists).
    if (failed)
      await db.query('update domain_events set attempts = attempts + 1, last_error = $2 where id = $1', [
        r.id,
        failed,
      ]);
    else
      await db.query('update domain_events set processed_at = now(), last_error = null where id = $1', [
        r.id,
      ]);
  }
  return runs;
}

/** Polls for events every `intervalMs` and hands them to the handlers; returns a stop function. */
export function startEventDispatcher(
  db: Db,
  handlers: EventHandler[],
  opts: { intervalMs?: number; onError?: (err: unknown) => void } = {},
): { runOnce(): Promise<void>; stop(): Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  const runOnce = (): Promise<void> => {
    running = running.then(async () => {
      if (stopped) return;
      try {
        await dispatchEventsOnce(db, handlers);
      } catch (err) {
        opts.onError?.(err);
      }
    });
    return running;
  };
  const timer = setInterval(() => void runOnce(), opts.intervalMs ?? 1000);
  timer.unref();
  return {
    runOnce,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
