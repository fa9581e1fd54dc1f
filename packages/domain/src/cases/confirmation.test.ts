import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CASE_CONFIRMATION_RULE_SETS,
  confirmationRulesInForce,
  confirmsCase,
  type ConfirmationEvidence,
} from './confirmation';
import { vietnamDay } from './day';

describe('case confirmation rule', () => {
  it('picks the version in force at a date', () => {
    assert.equal(confirmationRulesInForce(new Date('2021-12-01T00:00:00Z')).version, 'vn-2021.1');
    assert.equal(confirmationRulesInForce(new Date('2022-01-27T16:59:59Z')).version, 'vn-2021.1');
    assert.equal(confirmationRulesInForce(new Date('2022-01-27T17:00:00Z')).version, 'vn-2022.1');
    assert.throws(() => confirmationRulesInForce(new Date('2020-01-01T00:00:00Z')));
  });

  const [v2021, v2022] = CASE_CONFIRMATION_RULE_SETS;
  const table: [string, ConfirmationEvidence, boolean, boolean][] = [
    // evidence, confirms under 2021, confirms under 2022
    ['RT-PCR result', { kind: 'lab_result', testType: 'rt_pcr' }, true, true],
    ['lab result, test unknown', { kind: 'lab_result' }, true, true],
    ['rapid test, no contact, no symptoms', { kind: 'lab_result', testType: 'rapid_antigen' }, false, false],
    ['rapid test of an F1', { kind: 'rapid_test_of_contact', isContact: true }, false, true],
    [
      'rapid test, symptomatic',
      { kind: 'lab_result', testType: 'rapid_antigen', symptomatic: true },
      false,
      true,
    ],
    ['rapid-test kind but not a contact', { kind: 'rapid_test_of_contact', isContact: false }, false, false],
    ['confirmed elsewhere', { kind: 'manual' }, true, true],
  ];
  for (const [name, e, in2021, in2022] of table)
    it(name, () => {
      assert.equal(confirmsCase(v2021!, e).confirms, in2021);
      assert.equal(confirmsCase(v2022!, e).confirms, in2022);
      assert.equal(confirmsCase(v2022!, e).ruleVersion, 'vn-2022.1');
    });

  it('a refusal says why', () => {
    const d = confirmsCase(v2021!, { kind: 'rapid_test_of_contact', isContact: true });
    assert.deepEqual(d, { confirms: false, ruleVersion: 'vn-2021.1', reason: 'rapid_test_not_confirming' });
  });

  it('days are Vietnamese calendar days', () => {
    assert.equal(vietnamDay(new Date('2026-11-30T16:59:59Z')), '2026-11-30');
    assert.equal(vietnamDay(new Date('2026-11-30T17:00:00Z')), '2026-12-01');
  });
});
