export * from './confirmation';
export * from './day';
export * from './home-care';
