export * from './text/fold';
