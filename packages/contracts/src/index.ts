export * from './errors';
export * from './roles';
export * from './actions';
export * from './venues';
export * from './events';
