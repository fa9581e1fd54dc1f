import type { EventPayloads, EventType } from '@phongdich/contracts';
import type { Queryable } from '../db/db';

export interface DomainEvent<T extends EventType = EventType> {
  id: number;
  type: T;
  payload: EventPayloads[T];
  createdAt: Date;
}

/**
 * A subscriber. `name` must be stable: it records which events the handler has already handled.
 * `handle` runs in a transaction together with that record, so its database effects commit once,
 * whichever server runs it and however often the event is retried.
 *
 * A handler with `handleBatch` takes all due events of its type in one transaction (with their
 * records), in id order: a burst costs one commit instead of one per event. When a batch fails it is
 * rolled back whole and each of its events is run alone through `handle`, so one bad event is retried
 * and dead-lettered alone while the others commit.
 */
export interface EventHandler<T extends EventType = EventType> {
  name: string;
  type: T;
  handle(tx: Queryable, event: DomainEvent<T>): Promise<void>;
  handleBatch?(tx: Queryable, events: readonly DomainEvent<T>[]): Promise<void>;
}

/** Builds a handler with its payload typed from the catalogue. */
export function onEvent<T extends EventType>(
  type: T,
  name: string,
  handle: (tx: Queryable, event: DomainEvent<T>) => Promise<void>,
): EventHandler<T> {
  return { type, name, handle };
}

/**
 * Builds a batch handler: `handleBatch` gets one or more events of its type (one alone when a batch
 * failed and its events are retried one by one), so it is the only code path to write and test.
 */
export function onEvents<T extends EventType>(
  type: T,
  name: string,
  handleBatch: (tx: Queryable, events: readonly DomainEvent<T>[]) => Promise<void>,
): EventHandler<T> {
  return { type, name, handle: (tx, e) => handleBatch(tx, [e]), handleBatch };
}
