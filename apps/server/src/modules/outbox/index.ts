/**
 * Public surface of the outbox module: the only file other modules (and app.ts) may import.
 * Outbox: messages to send (SMS) and domain events. Owns tables: outbox_messages, domain_events, domain_event_handlings.
 */
export { outboxRoutes } from './outbox.routes';
export { sendMessage } from './outbox';
export { emitEvent, type DomainEvent } from './events';
