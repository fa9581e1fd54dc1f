// Rule sets arrive as data (config, database, admin UI): check them fully before use so a typo
// cannot silently turn a red rule into no rule.
import { parseDuration } from './duration';
import { COLOURS, type StatusRuleSet } from './types';

export class RuleSetValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid status rule set: ${problems.join('; ')}`);
    this.name = 'RuleSetValidationError';
  }
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isColour = (v: unknown) => (COLOURS as readonly unknown[]).includes(v);

const RULE_SET_KEYS = [
  'id',
  'version',
  'effectiveFrom',
  'description',
  'defaultColour',
  'defaultReason',
  'rules',
];
const RULE_KEYS = ['id', 'when', 'colour', 'reason', 'priority'];
const WHEN_KEYS = ['source', 'kind', 'withinDays', 'notOlderThan', 'supersededBy'];

function unknownKeys(o: Obj, allowed: string[], at: string, problems: string[]) {
  for (const k of Object.keys(o)) if (!allowed.includes(k)) problems.push(`${at}: unknown field '${k}'`);
}

function checkBilingual(v: unknown, at: string, problems: string[]) {
  if (!isObj(v) || !isText(v.vi) || !isText(v.en)) problems.push(`${at}: needs non-empty 'vi' and 'en'`);
}

function checkWhen(when: unknown, at: string, problems: string[]) {
  if (!isObj(when)) return void problems.push(`${at}: 'when' must be an object`);
  unknownKeys(when, WHEN_KEYS, at, problems);
  if (!isText(when.kind)) problems.push(`${at}: 'when.kind' is required`);
  if (when.source !== undefined && !isText(when.source)) problems.push(`${at}: 'when.source' must be text`);
  const days = when.withinDays;
  if (days !== undefined && !(typeof days === 'number' && Number.isFinite(days) && days > 0)) {
    problems.push(`${at}: 'when.withinDays' must be a positive number`);
  }
  if (when.notOlderThan !== undefined && parseDuration(String(when.notOlderThan)) === null) {
    problems.push(`${at}: 'when.notOlderThan' must look like '90m', '72h' or '14d'`);
  }
  const sup = when.supersededBy;
  if (sup !== undefined && !(Array.isArray(sup) && sup.length > 0 && sup.every(isText))) {
    problems.push(`${at}: 'when.supersededBy' must be a non-empty list of kinds`);
  }
}

/** Returns the input typed as a rule set, or throws RuleSetValidationError listing every problem. */
export function validateRuleSet(input: unknown): StatusRuleSet {
  const problems: string[] = [];
  if (!isObj(input)) throw new RuleSetValidationError(['rule set must be an object']);
  unknownKeys(input, RULE_SET_KEYS, 'rule set', problems);
  if (!isText(input.id)) problems.push("rule set: 'id' is required");
  if (!isText(input.version)) problems.push("rule set: 'version' is required");
  if (typeof input.effectiveFrom !== 'string' || Number.isNaN(Date.parse(input.effectiveFrom))) {
    problems.push("rule set: 'effectiveFrom' must be an ISO date");
  }
  if (input.description !== undefined) checkBilingual(input.description, 'rule set description', problems);
  if (!isColour(input.defaultColour))
    problems.push(`rule set: unknown default colour '${String(input.defaultColour)}'`);
  checkBilingual(input.defaultReason, 'rule set defaultReason', problems);
  if (!Array.isArray(input.rules)) problems.push("rule set: 'rules' must be a list");

  const seen = new Set<string>();
  (Array.isArray(input.rules) ? input.rules : []).forEach((rule: unknown, i) => {
    const at = `rule #${i + 1}`;
    if (!isObj(rule)) return void problems.push(`${at}: must be an object`);
    unknownKeys(rule, RULE_KEYS, at, problems);
    if (!isText(rule.id)) problems.push(`${at}: 'id' is required`);
    else if (seen.has(rule.id)) problems.push(`${at}: duplicate id '${rule.id}'`);
    else seen.add(rule.id);
    checkWhen(rule.when, at, problems);
    if (!isColour(rule.colour)) problems.push(`${at}: unknown colour '${String(rule.colour)}'`);
    checkBilingual(rule.reason, `${at} reason`, problems);
    if (!Number.isInteger(rule.priority)) problems.push(`${at}: 'priority' must be an integer`);
  });
  if (problems.length) throw new RuleSetValidationError(problems);
  return input as unknown as StatusRuleSet;
}
