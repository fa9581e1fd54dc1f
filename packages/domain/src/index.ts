export * from './text/fold';
export * from './identity';
export * from './qr';
export * from './status';
export * from './vaccination';
export * from './cases';
export * from './tracing';
export * from './import';
