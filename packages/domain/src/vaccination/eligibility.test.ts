import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { COVID19_VN_CATALOGUE as CAT } from './catalogue-covid19-vn';
import { doseEligibility, seriesState, selectCatalogue } from './eligibility';
import { catalogueProblems } from './validate';
import { SCREENING_VN_2021, screeningOutcome } from './screening';
import type { DoseHistoryEntry } from './types';

const AZ = 'EU/1/21/1529';
const PFIZER = 'EU/1/20/1528';
const MODERNA = 'EU/1/20/1507';
const VERO = 'BBIBP-CorV';
const JANSSEN = 'EU/1/20/1525';
const ABDALA = 'Abdala';
const day = (d: string) => `${d}T09:00:00+07:00`;
const dose = (mp: string, d: string): DoseHistoryEntry => ({ mp, at: day(d) });
const ADULT = { date: '1980-05-10', year: 1980 };

// [case, history, product, date, birth, expected (eligible dose number | reason)]
const CASES: [
  string,
  DoseHistoryEntry[],
  string,
  string,
  { date: string | null; year: number },
  number | string,
][] = [
  ['first dose, adult', [], AZ, '2021-08-01', ADULT, 1],
  ['first dose, 15 years old: Pfizer yes', [], PFIZER, '2021-11-01', { date: '2006-03-01', year: 2006 }, 1],
  [
    'first dose, 15 years old: AstraZeneca no',
    [],
    AZ,
    '2021-11-01',
    { date: '2006-03-01', year: 2006 },
    'TOO_YOUNG',
  ],
  ['birthday tomorrow is still 17', [], AZ, '2021-11-01', { date: '2003-11-02', year: 2003 }, 'TOO_YOUNG'],
  ['birthday today is 18', [], AZ, '2021-11-02', { date: '2003-11-02', year: 2003 }, 1],
  ['year only: counted from 1 July', [], AZ, '2021-06-30', { date: null, year: 2003 }, 'TOO_YOUNG'],
  ['unknown product', [], 'Sputnik-Light', '2021-08-01', ADULT, 'UNKNOWN_PRODUCT'],
  ['AZ dose 2 at 27 days', [dose(AZ, '2021-08-01')], AZ, '2021-08-28', ADULT, 'TOO_SOON'],
  ['AZ dose 2 at 28 days', [dose(AZ, '2021-08-01')], AZ, '2021-08-29', ADULT, 2],
  ['AZ then Pfizer (mixing allowed)', [dose(AZ, '2021-08-01')], PFIZER, '2021-09-15', ADULT, 2],
  [
    'Vero Cell then Pfizer (no mixing)',
    [dose(VERO, '2021-08-01')],
    PFIZER,
    '2021-09-15',
    ADULT,
    'NOT_MIXABLE',
  ],
  ['Pfizer dose 2 at 21 days', [dose(PFIZER, '2021-08-01')], PFIZER, '2021-08-22', ADULT, 2],
  ['Pfizer dose 2 at 20 days', [dose(PFIZER, '2021-08-01')], PFIZER, '2021-08-21', ADULT, 'TOO_SOON'],
  [
    'Abdala dose 3 at 14 days',
    [dose(ABDALA, '2021-08-01'), dose(ABDALA, '2021-08-15')],
    ABDALA,
    '2021-08-29',
    ADULT,
    3,
  ],
  [
    'booster 89 days after the series',
    [dose(AZ, '2021-06-01'), dose(AZ, '2021-08-01')],
    PFIZER,
    '2021-10-29',
    ADULT,
    'TOO_SOON',
  ],
  [
    'booster 90 days after the series',
    [dose(AZ, '2021-06-01'), dose(AZ, '2021-08-01')],
    PFIZER,
    '2021-10-30',
    ADULT,
    3,
  ],
  [
    'booster with Vero Cell is not in the booster list',
    [dose(AZ, '2021-06-01'), dose(AZ, '2021-08-01')],
    VERO,
    '2021-12-01',
    ADULT,
    'PRODUCT_NOT_FOR_BOOSTER',
  ],
  [
    'Janssen completes with one dose; booster after 90 days',
    [dose(JANSSEN, '2021-08-01')],
    MODERNA,
    '2021-11-01',
    ADULT,
    2,
  ],
  [
    '4th dose under 50',
    [dose(AZ, '2021-03-01'), dose(AZ, '2021-05-01'), dose(PFIZER, '2021-09-01')],
    PFIZER,
    '2022-02-01',
    ADULT,
    'TOO_YOUNG',
  ],
  [
    '4th dose at 60, 120 days after the 3rd',
    [dose(AZ, '2021-03-01'), dose(AZ, '2021-05-01'), dose(PFIZER, '2021-09-01')],
    PFIZER,
    '2021-12-30',
    { date: '1961-01-01', year: 1961 },
    4,
  ],
  [
    '4th dose at 60, 119 days after the 3rd',
    [dose(AZ, '2021-03-01'), dose(AZ, '2021-05-01'), dose(PFIZER, '2021-09-01')],
    PFIZER,
    '2021-12-29',
    { date: '1961-01-01', year: 1961 },
    'TOO_SOON',
  ],
  [
    'no 5th dose in this catalogue',
    [dose(AZ, '2021-03-01'), dose(AZ, '2021-05-01'), dose(PFIZER, '2021-09-01'), dose(PFIZER, '2022-01-10')],
    PFIZER,
    '2022-09-01',
    { date: '1961-01-01', year: 1961 },
    'NO_FURTHER_DOSE',
  ],
  [
    'history out of order is sorted',
    [dose(AZ, '2021-08-29'), dose(AZ, '2021-08-01')],
    PFIZER,
    '2021-12-01',
    ADULT,
    3,
  ],
];

describe('dose eligibility (covid19-vn-2021.1)', () => {
  for (const [name, history, mp, date, birth, expected] of CASES)
    it(name, () => {
      const r = doseEligibility({ catalogue: CAT, history, birth, mp, at: new Date(day(date)) });
      if (typeof expected === 'number') {
        assert.equal(r.eligible, true, JSON.stringify(r));
        assert.equal(r.doseNumber, expected);
      } else {
        assert.equal(r.eligible, false, JSON.stringify(r));
        assert.equal(!r.eligible && r.reason, expected);
      }
    });

  it('gives the earliest and recommended dates, and whether the dose completes the series', () => {
    const r = doseEligibility({
      catalogue: CAT,
      history: [dose(AZ, '2021-08-01')],
      birth: ADULT,
      mp: AZ,
      at: new Date(day('2021-09-01')),
    });
    assert.ok(r.eligible);
    assert.equal(r.earliest.slice(0, 10), '2021-08-29');
    assert.equal(r.recommended.slice(0, 10), '2021-09-26');
    assert.equal(r.completesPrimary, true);
    assert.equal(r.kind, 'primary');
    const soon = doseEligibility({
      catalogue: CAT,
      history: [dose(AZ, '2021-08-01')],
      birth: ADULT,
      mp: AZ,
      at: new Date(day('2021-08-10')),
    });
    assert.ok(!soon.eligible && soon.earliest?.startsWith('2021-08-29'));
  });

  it('tells the state of the series', () => {
    assert.deepEqual(seriesState(CAT, []), {
      doses: 0,
      primaryComplete: false,
      primaryCompletedAt: null,
      boosters: 0,
      primaryDoses: null,
    });
    assert.equal(seriesState(CAT, [dose(AZ, '2021-08-01')]).primaryComplete, false);
    assert.equal(seriesState(CAT, [dose(JANSSEN, '2021-08-01')]).primaryComplete, true);
    const three = seriesState(CAT, [
      dose(AZ, '2021-06-01'),
      dose(AZ, '2021-08-01'),
      dose(PFIZER, '2021-11-01'),
    ]);
    assert.deepEqual(
      [three.primaryComplete, three.boosters, three.primaryCompletedAt],
      [true, 1, day('2021-08-01')],
    );
  });
});

describe('catalogue as data', () => {
  it('lists the nine products of the 2021 programme and has no broken reference', () => {
    assert.equal(CAT.products.length, 9);
    assert.deepEqual(catalogueProblems(CAT), []);
  });

  it('finds broken references in an edited catalogue', () => {
    const broken = structuredClone(CAT);
    broken.products[0]!.schedule.mixWith.push('nope');
    broken.products[1]!.schedule.intervals = [];
    broken.boosters[1]!.ordinal = 5;
    assert.deepEqual(
      catalogueProblems(broken).map((p) => `${p.field}:${p.code}`),
      [
        'products.1.schedule.intervals:interval_count',
        'products.0.schedule.mixWith.2:unknown_product',
        'boosters.1.ordinal:booster_order',
      ],
    );
  });

  it('selects the version in force for the disease', () => {
    const v2 = { ...CAT, version: 'covid19-vn-2022.1', effectiveFrom: '2022-06-01T00:00:00+07:00' };
    const flu = {
      ...CAT,
      disease: 'influenza',
      version: 'flu-1',
      effectiveFrom: '2023-01-01T00:00:00+07:00',
    };
    const all = [CAT, v2, flu];
    assert.equal(selectCatalogue(all, 'covid-19', new Date('2022-01-01'))?.version, 'covid19-vn-2021.1');
    assert.equal(selectCatalogue(all, 'covid-19', new Date('2023-06-01'))?.version, 'covid19-vn-2022.1');
    assert.equal(selectCatalogue(all, 'covid-19', new Date('2020-01-01')), undefined);
    assert.equal(selectCatalogue(all, 'influenza', new Date('2023-06-01'))?.version, 'flu-1');
  });
});

describe('screening outcome', () => {
  const none = Object.fromEntries(SCREENING_VN_2021.questions.map((q) => [q.id, false]));
  it('is vaccinate when every answer is no, null when one is missing', () => {
    assert.equal(screeningOutcome(SCREENING_VN_2021, none), 'vaccinate');
    const { acute_illness: _drop, ...missing } = none;
    assert.equal(screeningOutcome(SCREENING_VN_2021, missing), null);
  });
  it('takes the most severe outcome of the yes answers', () => {
    assert.equal(screeningOutcome(SCREENING_VN_2021, { ...none, acute_illness: true }), 'postpone');
    assert.equal(
      screeningOutcome(SCREENING_VN_2021, { ...none, acute_illness: true, severe_allergy: true }),
      'refer_hospital',
    );
    assert.equal(
      screeningOutcome(SCREENING_VN_2021, { ...none, severe_allergy: true, anaphylaxis_previous_dose: true }),
      'contraindicated',
    );
  });
});
