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
 */
export interface EventHandler<T extends EventType = EventType> {
  name: string;
  type: T;
  handle(tx: Queryable, event: DomainEvent<T>): Promise<void>;
}

/** Builds a handler with its payload typed from the catalogue. */
export function onEvent<T extends EventType>(
  type: T,
  name: string,
  handle: (tx: Queryable, event: DomainEvent<T>) => Promise<void>,
): EventHandler<T> {
  return { type, name, handle };
}
