// Public surface of the outbox (messages and domain events) for other modules.
export { sendMessage } from './outbox';
export { emitEvent, type DomainEvent, type EventHandler } from './events';
