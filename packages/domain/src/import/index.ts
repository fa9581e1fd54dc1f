export * from './date';
export * from './name';
export * from './phone';
export * from './id-number';
export * from './product';
