export * from './problem';
export * from './provinces';
export * from './phone';
export * from './cccd';
export * from './cmnd';
export * from './bhyt';
export * from './cccd-qr';
export * from './masking';
