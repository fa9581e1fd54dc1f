export * from './confirmation';
export * from './day';
