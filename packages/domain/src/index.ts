export * from './text/fold';
export * from './identity';
export * from './qr';
export * from './status';
export * from './vaccination';
export * from './import';
