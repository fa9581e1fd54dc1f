import type { EventPayloads, EventType } from '@phongdich/contracts';
import type { Queryable } from '../db/db';

/**
 * Records an event in the caller's transaction: it exists only if the change that caused it commits.
 * The type comes from the catalogue in packages/contracts/src/events.ts, and the payload must match it.
 */
export async function emitEvent<T extends EventType>(
  tx: Queryable,
  type: T,
  payload: EventPayloads[T],
): Promise<number> {
  const rows = await tx.query<{ id: number }>(
    'insert into domain_events (type, payload) values ($1, $2) returning id',
    [type, JSON.stringify(payload)],
  );
  return Number(rows[0]!.id);
}

/** Many events of one type in one statement (a bulk import's batch), in the writer's transaction. */
export async function emitEvents<T extends EventType>(
  tx: Queryable,
  type: T,
  payloads: readonly EventPayloads[T][],
): Promise<void> {
  if (!payloads.length) return;
  await tx.query('insert into domain_events (type, payload) select $1, unnest($2::jsonb[])', [
    type,
    payloads.map((p) => JSON.stringify(p)),
  ]);
}
