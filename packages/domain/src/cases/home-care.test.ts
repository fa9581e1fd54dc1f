import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  HOME_CARE_RULE_SETS,
  homeCareRulesInForce,
  releaseDecision,
  warningSigns,
  type IsolationReading,
} from './home-care';

const rules = homeCareRulesInForce(new Date('2026-12-01T00:00:00Z'));
const calm: IsolationReading = { spo2: 98, temperature: 37, breathingRate: 16, symptoms: ['cough'] };

describe('home care of a case', () => {
  it('the 2022 guidance is in force now; the 2021 one before it', () => {
    assert.equal(rules.version, 'vn-2022.1');
    assert.equal(homeCareRulesInForce(new Date('2021-12-01T00:00:00Z')).version, 'vn-2021.1');
  });

  const table: [string, Partial<typeof calm>, string[]][] = [
    ['calm reading', {}, []],
    ['SpO2 96 % is not a warning', { spo2: 96 }, []],
    ['SpO2 95 %', { spo2: 95 }, ['low_spo2']],
    ['SpO2 94 %', { spo2: 94 }, ['low_spo2']],
    ['breathing 20/min is not', { breathingRate: 20 }, []],
    ['breathing 21/min', { breathingRate: 21 }, ['fast_breathing']],
    ['38.4 °C is not', { temperature: 38.4 }, []],
    ['38.5 °C', { temperature: 38.5 }, ['high_fever']],
    ['breathing difficulty', { symptoms: ['breathing_difficulty'] }, ['breathing_difficulty']],
    ['unknown values are not warnings', { spo2: null, breathingRate: null, temperature: null }, []],
    [
      'several at once',
      { spo2: 90, breathingRate: 30, symptoms: ['chest_pain', 'cough'] },
      ['low_spo2', 'fast_breathing', 'chest_pain'],
    ],
  ];
  for (const [name, change, signs] of table)
    it(name, () => assert.deepEqual(warningSigns(rules, { ...calm, ...change }), signs));

  it('release: the rule’s days, then a negative test from the rule’s day', () => {
    assert.deepEqual(releaseDecision(rules, '2026-11-20', '2026-11-26', ['2026-11-26']), {
      release: false,
      reason: 'too_early',
      earliestDay: '2026-11-27',
    });
    assert.deepEqual(releaseDecision(rules, '2026-11-20', '2026-11-27', ['2026-11-25']), {
      release: false,
      reason: 'negative_test_needed',
      fromDay: '2026-11-26',
    });
    assert.deepEqual(releaseDecision(rules, '2026-11-20', '2026-11-27', ['2026-11-26']), { release: true });
    const old = HOME_CARE_RULE_SETS[0]!;
    assert.equal(releaseDecision(old, '2026-11-20', '2026-11-27', ['2026-11-26']).release, false);
  });
});
