export * from './types';
export { parseDuration } from './duration';
export { validateRuleSet, RuleSetValidationError } from './validate';
export { evaluateStatus, selectRuleSet, computeStatus } from './engine';
export { VN_2021_RULE_SET } from './rulesets/vn-2021';
export { VN_2021_2_RULE_SET } from './rulesets/vn-2021-2';
