// Computes the personal-QR colour from status facts under a rule set (semantics in RULES.md).
import { parseDuration } from './duration';
import {
  COLOUR_SEVERITY,
  type RuleCondition,
  type StatusFact,
  type StatusResult,
  type StatusRule,
  type StatusRuleSet,
} from './types';

const DAY_MS = 86_400_000;

function timeOf(iso: string, what: string): number {
  const t = Date.parse(iso);
  // A fact with an unreadable date is a bug upstream; ignoring it could hide a red status.
  if (Number.isNaN(t)) throw new TypeError(`Status fact has an invalid ${what}: '${iso}'`);
  return t;
}

/** Happened by `now` and not past its validUntil. */
function inForce(fact: StatusFact, now: number): boolean {
  return (
    timeOf(fact.at, 'at') <= now &&
    (fact.validUntil === undefined || timeOf(fact.validUntil, 'validUntil') > now)
  );
}

function matches(when: RuleCondition, fact: StatusFact, facts: StatusFact[], now: number): boolean {
  if (fact.kind !== when.kind || (when.source !== undefined && fact.source !== when.source)) return false;
  if (!inForce(fact, now)) return false;
  const at = timeOf(fact.at, 'at');
  if (when.withinDays !== undefined && now - at > when.withinDays * DAY_MS) return false;
  if (when.notOlderThan !== undefined && now - at > (parseDuration(when.notOlderThan) ?? 0)) return false;
  const cancelling = when.supersededBy;
  if (!cancelling) return true;
  return !facts.some(
    (other) =>
      cancelling.includes(other.kind) &&
      (when.source === undefined || other.source === when.source) &&
      inForce(other, now) &&
      timeOf(other.at, 'at') >= at,
  );
}

/** Colour under one rule set: the most severe matching rule wins; the default only when none match. */
export function evaluateStatus(facts: StatusFact[], ruleSet: StatusRuleSet, now: Date): StatusResult {
  const t = now.getTime();
  const hits: Array<{ rule: StatusRule; order: number }> = [];
  ruleSet.rules.forEach((rule, order) => {
    if (facts.some((f) => matches(rule.when, f, facts, t))) hits.push({ rule, order });
  });
  if (!hits.length) {
    return {
      colour: ruleSet.defaultColour,
      reasons: [{ ruleId: 'default', ...ruleSet.defaultReason }],
      ruleSetVersion: ruleSet.version,
    };
  }
  const severity = Math.max(...hits.map((h) => COLOUR_SEVERITY[h.rule.colour]));
  const winners = hits
    .filter((h) => COLOUR_SEVERITY[h.rule.colour] === severity)
    .sort((a, b) => b.rule.priority - a.rule.priority || a.order - b.order);
  return {
    colour: winners[0]!.rule.colour,
    reasons: winners.map(({ rule }) => ({ ruleId: rule.id, vi: rule.reason.vi, en: rule.reason.en })),
    ruleSetVersion: ruleSet.version,
  };
}

/**
 * The rule set in force at `at`: the latest `effectiveFrom` not after it. Undefined when none is
 * in force yet; throws when two share that date, since the choice would be arbitrary.
 */
export function selectRuleSet(ruleSets: StatusRuleSet[], at: Date): StatusRuleSet | undefined {
  const started = ruleSets.filter((rs) => Date.parse(rs.effectiveFrom) <= at.getTime());
  if (!started.length) return undefined;
  const latest = Math.max(...started.map((rs) => Date.parse(rs.effectiveFrom)));
  const chosen = started.filter((rs) => Date.parse(rs.effectiveFrom) === latest);
  if (chosen.length > 1) {
    throw new Error(
      `Status rule sets ${chosen.map((rs) => rs.version).join(', ')} take effect at the same time`,
    );
  }
  return chosen[0];
}

/** Selects the rule set in force at `now` and evaluates; throws if none is in force. */
export function computeStatus(facts: StatusFact[], ruleSets: StatusRuleSet[], now: Date): StatusResult {
  const ruleSet = selectRuleSet(ruleSets, now);
  if (!ruleSet) throw new Error(`No status rule set in force at ${now.toISOString()}`);
  return evaluateStatus(facts, ruleSet, now);
}
