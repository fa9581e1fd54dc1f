import {
  computeStatus,
  VN_2021_RULE_SET,
  VN_2021_2_RULE_SET,
  type StatusFact,
  type StatusResult,
} from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';

/**
 * Where a person's status facts come from. Each module that knows something about people's health
 * (declarations, tests, cases, vaccination, quarantine) registers a source; the colour rule engine
 * (packages/domain/src/status) turns the facts into green/yellow/red with the rule set in force.
 */
export interface StatusSource {
  name: string;
  facts: (q: Queryable, personId: string, now: Date) => Promise<StatusFact[]>;
}

const sources = new Map<string, StatusSource>();

export function registerStatusSource(source: StatusSource): void {
  sources.set(source.name, source);
}

export function statusSources(): string[] {
  return [...sources.keys()];
}

/** Rule sets in force by effective date; new versions are added here as data. */
export const RULE_SETS = [VN_2021_RULE_SET, VN_2021_2_RULE_SET];

export async function personStatus(q: Queryable, personId: string, now = new Date()): Promise<StatusResult> {
  const facts = (await Promise.all([...sources.values()].map((s) => s.facts(q, personId, now)))).flat();
  return computeStatus(facts, RULE_SETS, now);
}
