import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatus, evaluateStatus, selectRuleSet } from './engine';
import { VN_2021_RULE_SET as VN } from './rulesets/vn-2021';
import type { StatusFact, StatusRuleSet } from './types';
import { validateRuleSet } from './validate';

const NOW = new Date('2021-09-15T12:00:00+07:00');
const ago = (hours: number) => new Date(NOW.getTime() - hours * 3_600_000).toISOString();
const fact = (
  source: string,
  kind: string,
  hoursAgo: number,
  extra: Partial<StatusFact> = {},
): StatusFact => ({
  source,
  kind,
  at: ago(hoursAgo),
  ...extra,
});
const status = (...facts: StatusFact[]) => evaluateStatus(facts, VN, NOW);
const ids = (...facts: StatusFact[]) => status(...facts).reasons.map((r) => r.ruleId);

describe('status colour engine with vn-2021', () => {
  it('is green by default, with a bilingual reason and the rule-set version', () => {
    assert.deepEqual(status(), {
      colour: 'green',
      reasons: [{ ruleId: 'default', vi: 'Không ghi nhận yếu tố nguy cơ.', en: 'No risk factor on record.' }],
      ruleSetVersion: 'vn-2021.1',
    });
  });

  it('is red for an active F0 until a later recovery', () => {
    assert.equal(status(fact('case', 'f0_active', 100)).colour, 'red');
    assert.equal(status(fact('case', 'f0_active', 100), fact('case', 'f0_recovered', 2)).colour, 'green');
    // a recovery recorded before a reinfection does not cancel it
    assert.equal(status(fact('case', 'f0_recovered', 200), fact('case', 'f0_active', 100)).colour, 'red');
  });

  it('is red for a positive test within 14 days only', () => {
    assert.deepEqual(ids(fact('test', 'test_positive', 13 * 24)), ['test-positive-14d']);
    assert.equal(status(fact('test', 'test_positive', 15 * 24)).colour, 'green');
  });

  it('is red for an F1 or a quarantine until validUntil passes', () => {
    assert.equal(status(fact('contact', 'f1_active', 48, { validUntil: ago(-24) })).colour, 'red');
    assert.equal(status(fact('contact', 'f1_active', 400, { validUntil: ago(1) })).colour, 'green');
    assert.equal(status(fact('quarantine', 'quarantine_active', 24)).colour, 'red');
  });

  it('is yellow for F2, recent symptoms, a pending test or partial vaccination', () => {
    assert.deepEqual(ids(fact('contact', 'f2_active', 24)), ['f2-active']);
    assert.deepEqual(ids(fact('declaration', 'symptoms_reported', 24)), ['symptoms-14d']);
    assert.equal(status(fact('declaration', 'symptoms_reported', 15 * 24)).colour, 'green');
    assert.deepEqual(ids(fact('test', 'test_pending', 12)), ['test-pending']);
    assert.deepEqual(ids(fact('vaccination', 'vaccinated_partial', 24 * 30)), ['vaccinated-partial']);
  });

  it('lets a later fact supersede an earlier one', () => {
    const full = status(
      fact('vaccination', 'vaccinated_partial', 24 * 60),
      fact('vaccination', 'vaccinated_full', 24 * 20),
    );
    assert.equal(full.colour, 'green');
    assert.deepEqual(
      full.reasons.map((r) => r.ruleId),
      ['vaccinated-full'],
    );
    assert.deepEqual(ids(fact('test', 'test_pending', 30), fact('test', 'test_negative', 6)), [
      'test-negative-72h',
    ]);
  });

  it('gives a green reason for a negative test within 72 h only', () => {
    assert.deepEqual(ids(fact('test', 'test_negative', 71)), ['test-negative-72h']);
    assert.deepEqual(ids(fact('test', 'test_negative', 73)), ['default']);
  });

  it('takes the most severe colour and lists its reasons by priority', () => {
    const r = status(
      fact('vaccination', 'vaccinated_full', 24 * 30),
      fact('declaration', 'symptoms_reported', 24),
      fact('test', 'test_positive', 24),
      fact('case', 'f0_active', 20),
    );
    assert.equal(r.colour, 'red');
    assert.deepEqual(
      r.reasons.map((x) => x.ruleId),
      ['f0-active', 'test-positive-14d'],
    );
    assert.equal(
      status(fact('declaration', 'symptoms_reported', 24), fact('test', 'test_negative', 2)).colour,
      'yellow',
    );
  });

  it('ignores facts from the future, facts of another source and throws on unreadable dates', () => {
    assert.equal(status(fact('case', 'f0_active', -5)).colour, 'green');
    assert.equal(status(fact('declaration', 'f0_active', 5)).colour, 'green');
    assert.throws(() => status({ source: 'case', kind: 'f0_active', at: 'yesterday' }), TypeError);
  });
});

describe('rule-set selection and new sources as data', () => {
  // A later policy: partial vaccination no longer yellow, and a new 'travel' source.
  const v2: StatusRuleSet = validateRuleSet(
    JSON.parse(
      JSON.stringify({
        ...VN,
        version: 'vn-2022.1',
        effectiveFrom: '2022-03-15T00:00:00+07:00',
        rules: [
          ...VN.rules.filter((r) => r.id !== 'vaccinated-partial'),
          {
            id: 'arrival-high-risk-7d',
            when: { source: 'travel', kind: 'arrived_from_high_risk_area', withinDays: 7 },
            colour: 'yellow',
            reason: {
              vi: 'Đến từ vùng nguy cơ cao trong 7 ngày.',
              en: 'Arrived from a high-risk area within 7 days.',
            },
            priority: 45,
          },
        ],
      }),
    ),
  );
  const sets = [v2, VN];

  it('picks the rule set in force at the date', () => {
    assert.equal(selectRuleSet(sets, new Date('2021-06-30T16:59:59Z')), undefined);
    assert.equal(selectRuleSet(sets, new Date('2021-06-30T17:00:00Z'))?.version, 'vn-2021.1');
    assert.equal(selectRuleSet(sets, new Date('2022-03-14T12:00:00Z'))?.version, 'vn-2021.1');
    assert.equal(selectRuleSet(sets, new Date('2022-03-15T00:00:00+07:00'))?.version, 'vn-2022.1');
  });

  it('computes the colour under the rule set of the day', () => {
    const partial = (now: Date): StatusFact => ({
      source: 'vaccination',
      kind: 'vaccinated_partial',
      at: new Date(now.getTime() - 864e5).toISOString(),
    });
    const before = new Date('2022-01-10T09:00:00+07:00');
    const after = new Date('2022-04-10T09:00:00+07:00');
    assert.deepEqual(computeStatus([partial(before)], sets, before).colour, 'yellow');
    const later = computeStatus([partial(after)], sets, after);
    assert.deepEqual([later.colour, later.ruleSetVersion], ['green', 'vn-2022.1']);
    assert.throws(() => computeStatus([], sets, new Date('2020-01-01')), /No status rule set/);
  });

  it('plugs in a new source through data only', () => {
    const now = new Date('2022-04-10T09:00:00+07:00');
    const arrival: StatusFact = {
      source: 'travel',
      kind: 'arrived_from_high_risk_area',
      at: '2022-04-08T10:00:00+07:00',
      data: { from: 'XX' },
    };
    const r = computeStatus([arrival], sets, now);
    assert.equal(r.colour, 'yellow');
    assert.deepEqual(r.reasons[0], {
      ruleId: 'arrival-high-risk-7d',
      vi: 'Đến từ vùng nguy cơ cao trong 7 ngày.',
      en: 'Arrived from a high-risk area within 7 days.',
    });
    assert.equal(computeStatus([arrival], sets, new Date('2022-04-20T09:00:00+07:00')).colour, 'green');
  });

  it('refuses two rule sets taking effect at the same time', () => {
    assert.throws(() => selectRuleSet([VN, { ...VN, version: 'copy' }], NOW), /same time/);
  });
});
