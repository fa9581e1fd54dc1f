/**
 * Public surface of the outbox module: the only file other modules (and app.ts) may import.
 * Outbox: messages to send (SMS). Owns tables: outbox_messages. (Domain events live in core/events.)
 */
export { outboxRoutes } from './outbox.routes';
export { sendMessage } from './outbox';
