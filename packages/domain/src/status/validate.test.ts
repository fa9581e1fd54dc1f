import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { VN_2021_RULE_SET } from './rulesets/vn-2021';
import { RuleSetValidationError, validateRuleSet } from './validate';

const clone = () => JSON.parse(JSON.stringify(VN_2021_RULE_SET));
const problemsOf = (input: unknown): string[] => {
  try {
    validateRuleSet(input);
  } catch (e) {
    assert.ok(e instanceof RuleSetValidationError);
    return e.problems;
  }
  return [];
};

describe('validateRuleSet', () => {
  it('accepts the shipped rule set after a JSON round trip', () => {
    assert.deepEqual(validateRuleSet(clone()), VN_2021_RULE_SET);
  });

  it('rejects unknown colours, for rules and the default', () => {
    const rs = clone();
    rs.rules[0].colour = 'purple';
    rs.defaultColour = 'blue';
    assert.deepEqual(problemsOf(rs), [
      "rule set: unknown default colour 'blue'",
      "rule #1: unknown colour 'purple'",
    ]);
  });

  it('rejects misspelt fields, duplicate ids, bad windows and missing translations', () => {
    const rs = clone();
    rs.rules[1].when.withinDay = 14;
    rs.rules[2].id = rs.rules[3].id;
    rs.rules[4].when.notOlderThan = '3 days';
    rs.rules[5].when.withinDays = -1;
    rs.rules[6].reason = { vi: 'Chờ kết quả' };
    rs.rules[7].priority = 'high';
    rs.rules[8].when.supersededBy = [];
    assert.deepEqual(problemsOf(rs), [
      "rule #2: unknown field 'withinDay'",
      "rule #4: duplicate id 'f1-active'",
      "rule #5: 'when.notOlderThan' must look like '90m', '72h' or '14d'",
      "rule #6: 'when.withinDays' must be a positive number",
      "rule #7 reason: needs non-empty 'vi' and 'en'",
      "rule #8: 'priority' must be an integer",
      "rule #9: 'when.supersededBy' must be a non-empty list of kinds",
    ]);
  });

  it('rejects a missing version, a bad effective date and non-objects', () => {
    const rs = clone();
    delete rs.version;
    rs.effectiveFrom = 'soon';
    rs.rules.push({ id: 'x', when: {}, colour: 'red', reason: { vi: 'a', en: 'b' }, priority: 1 });
    assert.deepEqual(problemsOf(rs), [
      "rule set: 'version' is required",
      "rule set: 'effectiveFrom' must be an ISO date",
      "rule #11: 'when.kind' is required",
    ]);
    assert.deepEqual(problemsOf(null), ['rule set must be an object']);
    assert.deepEqual(problemsOf({ ...clone(), rules: 'none' }), ["rule set: 'rules' must be a list"]);
  });
});
