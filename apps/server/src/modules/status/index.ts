// Public surface of the status engine for other modules.
export { registerStatusSource, personStatus, type StatusSource } from './status.sources';
