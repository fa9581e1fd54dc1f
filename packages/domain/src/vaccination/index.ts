export * from './types';
export * from './eligibility';
export * from './validate';
export * from './screening';
export { COVID19_VN_CATALOGUE } from './catalogue-covid19-vn';
