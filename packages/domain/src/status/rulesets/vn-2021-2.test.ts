import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { computeStatus } from '../engine';
import type { StatusFact } from '../types';
import { validateRuleSet } from '../validate';
import { VN_2021_RULE_SET } from './vn-2021';
import { VN_2021_2_RULE_SET } from './vn-2021-2';

const NOW = new Date('2026-12-10T12:00:00+07:00');
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();
const contact = (kind: string): StatusFact => ({ source: 'contact', kind, at: at(24) });
const colour = (...facts: StatusFact[]) =>
  computeStatus(facts, [VN_2021_RULE_SET, VN_2021_2_RULE_SET], NOW).colour;

describe('status colours of vn-2021.2 (the Vietnamese scheme: red F0, orange F1, yellow F2)', () => {
  it('gives an F1 orange, not the F0’s red; an F2 stays yellow, an F0 red', () => {
    assert.equal(colour(contact('f1_active')), 'orange');
    assert.equal(colour(contact('f2_active')), 'yellow');
    assert.equal(colour({ source: 'case', kind: 'f0_active', at: at(24) }), 'red');
  });

  it('orders orange between yellow and red: an F1 who is also an F0 is red, an F1 and F2 orange', () => {
    assert.equal(colour(contact('f1_active'), { source: 'case', kind: 'f0_active', at: at(2) }), 'red');
    assert.equal(colour(contact('f1_active'), contact('f2_active')), 'orange');
  });

  it('keeps an F1 in quarantine orange (quarantine is where F1s are), a positive F0 in quarantine red', () => {
    const quarantine: StatusFact = { source: 'quarantine', kind: 'quarantine_active', at: at(20) };
    assert.equal(colour(contact('f1_active'), quarantine), 'orange');
    assert.equal(colour(quarantine), 'orange');
    assert.equal(colour(quarantine, { source: 'case', kind: 'f0_active', at: at(2) }), 'red');
    const in2021 = (kind: string, source: string): StatusFact => ({
      source,
      kind,
      at: '2021-09-14T08:00:00+07:00',
    });
    assert.equal(
      computeStatus(
        [in2021('f1_active', 'contact'), in2021('quarantine_active', 'quarantine')],
        [VN_2021_RULE_SET, VN_2021_2_RULE_SET],
        new Date('2021-09-15'),
      ).colour,
      'red',
      'a vn-2021.1 replay stays as it was',
    );
  });

  it('is valid data, in force after vn-2021.1, which stays as it was', () => {
    assert.equal(validateRuleSet(structuredClone(VN_2021_2_RULE_SET)).version, 'vn-2021.2');
    const in2021: StatusFact = { source: 'contact', kind: 'f1_active', at: '2021-09-14T08:00:00+07:00' };
    assert.equal(
      computeStatus([in2021], [VN_2021_RULE_SET, VN_2021_2_RULE_SET], new Date('2021-09-15')).colour,
      'red',
      'a replay at 2021 dates reads the rule then in force',
    );
    assert.equal(VN_2021_RULE_SET.rules.find((r) => r.id === 'f1-active')!.colour, 'red');
  });
});
