export * from './types';
export * from './window';
export * from './presence';
export * from './score';
export { VN_2021_TRACING_RULES, VN_2021_2_TRACING_RULES } from './vn-2021';
export * from './named';
