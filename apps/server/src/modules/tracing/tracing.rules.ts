import {
  selectTracingRules,
  VN_2021_TRACING_RULES,
  VN_2021_2_TRACING_RULES,
  type TracingRuleSet,
} from '@phongdich/domain';
import { systemActor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';

/** Tracing rule sets by effective date; a new policy is a new version added here, as data. */
export const TRACING_RULE_SETS: readonly TracingRuleSet[] = [VN_2021_TRACING_RULES, VN_2021_2_TRACING_RULES];

/** The rule set in force at `at` (the oldest when `at` predates them all: a replay of early 2021 data). */
export function tracingRulesAt(at: Date): TracingRuleSet {
  return selectTracingRules(TRACING_RULE_SETS, at) ?? VN_2021_TRACING_RULES;
}

/** What discovery run by the platform itself (from an event or a job) is recorded as in the audit log. */
export const TRACING_MACHINE = systemActor('tracing');

export const MIN_MS = 60_000;
export const DAY_MS = 86_400_000;

export const notFound = () => new AppError('NOT_FOUND');
