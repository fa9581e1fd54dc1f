import type { TracingRuleSet } from './types';

/**
 * The rules of the Ministry of Health's 2021 guidance as the platform applies them:
 * - window: from 2 days before symptom onset (or before the positive sample without symptoms) until
 *   isolation (QĐ 2686/QĐ-BCĐQG; 3982/QĐ-BYT: F1 = close contact of an F0 in that period);
 * - follow-up of an F1: 14 days from the last exposure (2021; shortened later, in a later version);
 * - default stays: a meal, a shop visit, a shift; vehicles by a typical trip;
 * - weights: households highest (the most frequent route of transmission in 2021 clusters), enclosed
 *   and crowded places above open ones; proximity by the Bluezone-like duration × signal bands.
 */
export const VN_2021_TRACING_RULES: TracingRuleSet = {
  version: 'vn-tracing-2021.1',
  effectiveFrom: '2021-07-01T00:00:00+07:00',
  window: { daysBeforeOnset: 2, daysBeforeSample: 2, maxOpenDays: 14 },
  presence: {
    defaultStayMinutes: {
      office: 480,
      factory: 480,
      school: 360,
      hospital: 120,
      market: 60,
      shop: 20,
      restaurant: 60,
      bus_coach: 120,
      truck: 240,
      ferry: 60,
      checkpoint: 10,
      event: 180,
    },
    fallbackStayMinutes: 60,
    maxStayMinutes: 720,
  },
  score: {
    checkin: {
      base: 0.6,
      saturationMinutes: 60,
      kindFactor: {
        restaurant: 1,
        bus_coach: 1,
        ferry: 0.9,
        truck: 1,
        factory: 0.9,
        office: 0.9,
        school: 0.9,
        event: 0.9,
        hospital: 0.8,
        market: 0.7,
        shop: 0.6,
        checkpoint: 0.3,
      },
      fallbackFactor: 0.6,
    },
    household: { familyLink: 0.8, sameAddress: 0.7 },
    proximity: {
      base: 0.6,
      saturationMinutes: 15,
      rssiBands: [
        { minRssi: -60, factor: 1 },
        { minRssi: -75, factor: 0.6 },
        { minRssi: -127, factor: 0.25 },
      ],
    },
    named: 0.5,
    estimatedEndFactor: 0.8,
  },
  followUpDays: 14,
  proximity: {
    rotationMinutes: 15,
    retentionDays: 21,
    uploadCodeHours: 24,
    minDurationMinutes: 2,
    maxEncounters: 5000,
  },
  cluster: { minCases: 3, windowDays: 14 },
};

/**
 * vn-tracing-2021.2: vn-tracing-2021.1 plus the area rule of issue #13 §3: a commune with 10 or more
 * cases living in it within 14 days is proposed as an area cluster (ổ dịch cộng đồng) for its officers
 * to confirm, name or close. Everything else as in 2021.1, which stays as it was in force.
 */
export const VN_2021_2_TRACING_RULES: TracingRuleSet = {
  ...VN_2021_TRACING_RULES,
  version: 'vn-tracing-2021.2',
  effectiveFrom: '2026-12-01T00:00:00+07:00',
  cluster: { ...VN_2021_TRACING_RULES.cluster, areaMinCases: 10 },
};
