import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  exposureScore,
  evidenceWeight,
  infectiousWindow,
  latestExposure,
  overlapMinutes,
  presenceInterval,
  rotationInterval,
  selectTracingRules,
  vnDay,
  VN_2021_TRACING_RULES as R,
  type Evidence,
  type TracingRuleSet,
} from './index';

const t = (s: string) => new Date(s);
const NOW = t('2021-08-20T12:00:00+07:00');

describe('infectious window (vn-tracing-2021.1)', () => {
  const cases: [string, Parameters<typeof infectiousWindow>[0], string, string][] = [
    [
      'symptoms: 2 days before the day of onset, until isolation',
      { symptomOnset: '2021-08-10', sampleDate: '2021-08-12', isolatedAt: '2021-08-13T09:30:00+07:00' },
      '2021-08-08T00:00:00+07:00',
      '2021-08-13T09:30:00+07:00',
    ],
    [
      'no symptoms: 2 days before the positive sample’s day',
      {
        symptomOnset: null,
        sampleDate: '2021-08-12T22:10:00+07:00',
        isolatedAt: '2021-08-14T08:00:00+07:00',
      },
      '2021-08-10T00:00:00+07:00',
      '2021-08-14T08:00:00+07:00',
    ],
    [
      'a sample taken at 23:30 UTC is the next Vietnam day',
      { symptomOnset: null, sampleDate: '2021-08-11T23:30:00Z', isolatedAt: '2021-08-13T00:00:00+07:00' },
      '2021-08-10T00:00:00+07:00',
      '2021-08-13T00:00:00+07:00',
    ],
    [
      'not isolated yet: open until now',
      { symptomOnset: '2021-08-18', sampleDate: '2021-08-19', isolatedAt: null },
      '2021-08-16T00:00:00+07:00',
      '2021-08-20T12:00:00+07:00',
    ],
    [
      'not isolated for long: capped at 14 days from the start',
      { symptomOnset: '2021-08-01', sampleDate: '2021-08-19', isolatedAt: null },
      '2021-07-30T00:00:00+07:00',
      '2021-08-13T00:00:00+07:00',
    ],
    [
      'isolated before the window would open (data entered late): an empty window at the start',
      { symptomOnset: '2021-08-10', sampleDate: '2021-08-12', isolatedAt: '2021-08-07T00:00:00+07:00' },
      '2021-08-08T00:00:00+07:00',
      '2021-08-08T00:00:00+07:00',
    ],
  ];
  for (const [name, input, start, end] of cases)
    it(name, () => {
      const w = infectiousWindow(input, R, NOW);
      assert.equal(w.start.toISOString(), t(start).toISOString());
      assert.equal(w.end.toISOString(), t(end).toISOString());
    });

  it('refuses a date it cannot read', () => {
    assert.throws(
      () =>
        infectiousWindow({ symptomOnset: '10/08/2021', sampleDate: '2021-08-12', isolatedAt: null }, R, NOW),
      TypeError,
    );
  });
});

describe('presence intervals', () => {
  const at = t('2021-08-10T10:00:00+07:00');
  const rows: [string, Date | null, string, string, boolean][] = [
    ['check-out recorded', t('2021-08-10T10:45:00+07:00'), 'shop', '2021-08-10T10:45:00+07:00', false],
    ['no check-out: the shop’s default 20 minutes', null, 'shop', '2021-08-10T10:20:00+07:00', true],
    ['no check-out: an office shift of 8 hours', null, 'office', '2021-08-10T18:00:00+07:00', true],
    [
      'no check-out: a kind without a default gets the fallback 60 minutes',
      null,
      'other',
      '2021-08-10T11:00:00+07:00',
      true,
    ],
    [
      'check-out before check-in (clock error): the default stay',
      t('2021-08-10T09:00:00+07:00'),
      'shop',
      '2021-08-10T10:20:00+07:00',
      true,
    ],
    [
      'check-out days later (forgotten): capped at 12 hours',
      t('2021-08-12T10:00:00+07:00'),
      'shop',
      '2021-08-10T22:00:00+07:00',
      true,
    ],
  ];
  for (const [name, out, kind, end, estimated] of rows)
    it(name, () => {
      const p = presenceInterval({ checkinAt: at, checkoutAt: out, venueKind: kind }, R);
      assert.equal(p.start.toISOString(), at.toISOString());
      assert.equal(p.end.toISOString(), t(end).toISOString());
      assert.equal(p.estimated, estimated);
    });
});

describe('overlap', () => {
  const i = (a: string, b: string) => ({
    start: t(`2021-08-10T${a}:00+07:00`),
    end: t(`2021-08-10T${b}:00+07:00`),
  });
  const rows: [string, ReturnType<typeof i>, ReturnType<typeof i>, number][] = [
    ['inside', i('10:00', '12:00'), i('10:30', '11:00'), 30],
    ['partial from the left', i('10:00', '11:00'), i('09:30', '10:15'), 15],
    ['partial from the right', i('10:00', '11:00'), i('10:50', '12:00'), 10],
    ['touching ends do not overlap', i('10:00', '11:00'), i('11:00', '12:00'), 0],
    ['apart', i('10:00', '11:00'), i('13:00', '14:00'), 0],
    ['identical', i('10:00', '11:00'), i('10:00', '11:00'), 60],
    [
      'a second counts',
      { start: t('2021-08-10T10:00:00Z'), end: t('2021-08-10T10:00:30Z') },
      i('00:00', '23:00'),
      0.5,
    ],
  ];
  for (const [name, a, b, minutes] of rows)
    it(name, () => {
      assert.equal(overlapMinutes(a, b), minutes);
      assert.equal(overlapMinutes(b, a), minutes, 'symmetric');
    });
});

describe('exposure score', () => {
  const checkin = (minutes: number, venueKind = 'restaurant', estimated = false): Evidence => ({
    kind: 'checkin',
    venueId: 'v',
    venueKind,
    from: '2021-08-10T10:00:00+07:00',
    to: '2021-08-10T11:00:00+07:00',
    overlapMinutes: minutes,
    estimated,
  });
  const prox = (durationMinutes: number, rssi: number, at = '2021-08-10T10:00:00+07:00'): Evidence => ({
    kind: 'proximity',
    at,
    durationMinutes,
    rssi,
    uploadId: 'u',
  });
  const rows: [string, Evidence[], number][] = [
    ['nothing', [], 0],
    ['an hour in a restaurant', [checkin(60)], 60],
    ['half an hour in a restaurant', [checkin(30)], 30],
    ['three hours count as one (saturation)', [checkin(180)], 60],
    ['an hour in a shop (open, brief)', [checkin(60, 'shop')], 36],
    ['an hour in a market', [checkin(60, 'market')], 42],
    ['an estimated end counts 80 %', [checkin(60, 'restaurant', true)], 48],
    ['a kind the rules do not list: the fallback factor', [checkin(60, 'unknown')], 36],
    ['household, family link', [{ kind: 'household', relation: 'family_link' }], 80],
    ['household, same address', [{ kind: 'household', relation: 'same_address' }], 70],
    ['proximity 15 min at −55 dBm', [prox(15, -55)], 60],
    ['proximity 15 min at −70 dBm', [prox(15, -70)], 36],
    ['proximity 15 min at −90 dBm', [prox(15, -90)], 15],
    ['proximity 5 min at −55 dBm', [prox(5, -55)], 20],
    [
      'proximity 15 min, signal stripped past the log’s retention: the weakest band',
      [{ kind: 'proximity', at: '2021-08-10T10:00:00+07:00', durationMinutes: 15 }],
      15,
    ],
    ['named by the case', [{ kind: 'named' }], 50],
    ['two independent hour-long meals: 1 − 0.4²', [checkin(60), checkin(60)], 84],
    [
      'household and a meal: 1 − 0.2 × 0.4',
      [{ kind: 'household', relation: 'family_link' }, checkin(60)],
      92,
    ],
  ];
  for (const [name, evidence, score] of rows)
    it(name, () => {
      assert.equal(exposureScore(evidence, R), score);
      assert.equal(exposureScore([...evidence].reverse(), R), score, 'order does not matter');
    });

  it('never reaches 100 however much evidence, and never goes negative', () => {
    const many = Array.from(
      { length: 50 },
      () => ({ kind: 'household', relation: 'family_link' }) as Evidence,
    );
    assert.ok(exposureScore(many, R) <= 100);
    assert.equal(evidenceWeight(checkin(-10), R), 0);
  });

  it('dates the exposure at the latest evidence', () => {
    const e: Evidence[] = [checkin(10), prox(5, -50, '2021-08-11T08:00:00+07:00'), { kind: 'named' }];
    assert.equal(vnDay(latestExposure(e)!), '2021-08-11');
    assert.equal(latestExposure([{ kind: 'named' }]), null);
  });
});

describe('rule sets and rotation', () => {
  const later: TracingRuleSet = {
    ...R,
    version: 'vn-tracing-2022.1',
    effectiveFrom: '2022-03-15T00:00:00+07:00',
    followUpDays: 7,
  };
  it('picks the set in force at the date', () => {
    assert.equal(selectTracingRules([R, later], t('2021-06-30T16:59:59Z')), undefined);
    assert.equal(selectTracingRules([later, R], t('2021-09-01T00:00:00Z'))?.version, 'vn-tracing-2021.1');
    assert.equal(selectTracingRules([R, later], t('2022-03-15T00:00:00+07:00'))?.followUpDays, 7);
    assert.throws(() => selectTracingRules([R, { ...R, version: 'copy' }], NOW), /same time/);
  });
  it('places an instant in its 15-minute rotation interval', () => {
    const r = rotationInterval(t('2021-08-10T10:14:59Z'), 15);
    assert.equal(r.start.toISOString(), '2021-08-10T10:00:00.000Z');
    assert.equal(r.end.toISOString(), '2021-08-10T10:15:00.000Z');
    assert.equal(rotationInterval(t('2021-08-10T10:15:00Z'), 15).index, r.index + 1);
  });
});
