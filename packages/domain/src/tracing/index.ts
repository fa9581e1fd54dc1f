export * from './types';
export * from './window';
export * from './presence';
export * from './score';
export { VN_2021_TRACING_RULES } from './vn-2021';
