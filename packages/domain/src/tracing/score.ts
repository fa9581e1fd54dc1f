import type { Evidence, TracingRuleSet } from './types';

/** The chance one piece of evidence stands for, under the rule set's weights (see ScoreWeights). */
export function evidenceWeight(e: Evidence, rules: TracingRuleSet): number {
  const w = rules.score;
  switch (e.kind) {
    case 'checkin': {
      const kind = Object.hasOwn(w.checkin.kindFactor, e.venueKind)
        ? w.checkin.kindFactor[e.venueKind]!
        : w.checkin.fallbackFactor;
      const share = Math.min(Math.max(e.overlapMinutes, 0) / w.checkin.saturationMinutes, 1);
      return w.checkin.base * share * kind * (e.estimated ? w.estimatedEndFactor : 1);
    }
    case 'household':
      return e.relation === 'family_link' ? w.household.familyLink : w.household.sameAddress;
    case 'proximity': {
      // No signal strength any more (stripped past the log's retention): the weakest band.
      const bands = w.proximity.rssiBands;
      const band = e.rssi === undefined ? bands[bands.length - 1] : bands.find((b) => e.rssi! >= b.minRssi);
      const share = Math.min(Math.max(e.durationMinutes, 0) / w.proximity.saturationMinutes, 1);
      return w.proximity.base * share * (band?.factor ?? 0);
    }
    case 'named':
      return w.named;
  }
}

/**
 * The exposure score, 0–100 with one decimal: 100 × (1 − Π(1 − pᵢ)). Independent exposures add up
 * without ever passing 100; the order of the evidence does not matter.
 */
export function exposureScore(evidence: readonly Evidence[], rules: TracingRuleSet): number {
  let miss = 1;
  for (const e of evidence) miss *= 1 - Math.min(Math.max(evidenceWeight(e, rules), 0), 0.999);
  return Math.round((1 - miss) * 1000) / 10;
}

/** The day of exposure: the latest day the evidence places the contact with the subject (Vietnam day). */
export function latestExposure(evidence: readonly Evidence[]): Date | null {
  let latest: number | null = null;
  for (const e of evidence) {
    const t = e.kind === 'checkin' ? Date.parse(e.to) : e.kind === 'proximity' ? Date.parse(e.at) : null;
    if (t !== null && !Number.isNaN(t) && (latest === null || t > latest)) latest = t;
  }
  return latest === null ? null : new Date(latest);
}
