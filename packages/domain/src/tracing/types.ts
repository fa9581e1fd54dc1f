/**
 * Contact-tracing rules as data (issue #13 §2): the infectious window, how long a visit lasts when no
 * check-out was recorded, how exposures are scored, how long proximity logs are kept and when linked
 * cases make a cluster. A rule set takes effect at `effectiveFrom`; a later policy is a new version,
 * never an edit, so a contact's score can always be explained by the version it was computed under.
 */
export interface TracingRuleSet {
  version: string;
  /** ISO 8601 instant from which the set is in force. */
  effectiveFrom: string;
  window: {
    /** The window opens this many days before symptom onset… */
    daysBeforeOnset: number;
    /** …or, with no symptoms, this many days before the positive sample was taken. */
    daysBeforeSample: number;
    /** With no isolation recorded yet, the window stays open at most this many days from its start. */
    maxOpenDays: number;
  };
  presence: {
    /** Minutes a visit is assumed to last, by venue kind, when the visitor never checked out. */
    defaultStayMinutes: Record<string, number>;
    /** For a kind not listed above. */
    fallbackStayMinutes: number;
    /**
     * No presence lasts longer than this (a forgotten check-out days later); it also bounds how far
     * back discovery looks for a check-in that may still overlap.
     */
    maxStayMinutes: number;
  };
  score: ScoreWeights;
  /** An F1 is under follow-up (red) this many days from the exposure date; F2 and beyond too (yellow). */
  followUpDays: number;
  proximity: {
    /** Identifiers rotate every this many minutes. */
    rotationMinutes: number;
    /** Encounter logs and issued identifiers are deleted after this many days. */
    retentionDays: number;
    /** An upload code is valid this long after the officer issues it. */
    uploadCodeHours: number;
    /** Encounters shorter than this are ignored (passing someone in the street). */
    minDurationMinutes: number;
    /** At most this many encounters per upload. */
    maxEncounters: number;
  };
  cluster: {
    /** At least this many linked cases… */
    minCases: number;
    /** …confirmed within this many days of each other. */
    windowDays: number;
    /**
     * A commune with at least this many traced cases living in it within the window is proposed as an
     * area cluster (community spread no single point explains). Absent: no area clusters.
     */
    areaMinCases?: number;
  };
}

/**
 * The score of one contact is 100 × (1 − Π(1 − pᵢ)) over its pieces of evidence, each pᵢ ∈ [0, 1): each
 * piece is read as an independent chance of transmission, so two weak exposures add up, but no number of
 * them exceeds 100, and a strong one (a household) dominates. The weights below are those chances.
 */
export interface ScoreWeights {
  /** Check-in overlap: p = perMinute × overlap minutes (capped at saturationMinutes) × the kind's factor. */
  checkin: {
    base: number;
    saturationMinutes: number;
    kindFactor: Record<string, number>;
    fallbackFactor: number;
  };
  /** Same household: a declared family link, or the same street address in the same commune. */
  household: { familyLink: number; sameAddress: number };
  /**
   * Proximity: p = base × min(duration / saturationMinutes, 1) × the factor of the strongest signal band
   * (RSSI in dBm; the first band whose `minRssi` the signal reaches).
   */
  proximity: { base: number; saturationMinutes: number; rssiBands: { minRssi: number; factor: number }[] };
  /** A contact the case named in the investigation. */
  named: number;
  /** A visit whose end was estimated (no check-out) counts this share of its weight. */
  estimatedEndFactor: number;
}

/** One piece of evidence for a contact, as stored with it (ids and numbers, never names). */
export type Evidence =
  | {
      kind: 'checkin';
      venueId: string;
      venueKind: string;
      /** When the subject's venue was the parent or a child of this one (a market and its stalls). */
      via?: 'parent' | 'child';
      from: string;
      to: string;
      overlapMinutes: number;
      /** The end of one of the two presences was estimated from the default stay. */
      estimated: boolean;
    }
  | { kind: 'household'; relation: 'family_link' | 'same_address' }
  /**
   * `rssi` and `uploadId` (the encounter log's details) are stripped once the log is past its retention
   * (tracing's proximity retention job): the exposure (when, how long) stays on the contact.
   */
  | { kind: 'proximity'; at: string; durationMinutes: number; rssi?: number; uploadId?: string }
  /** `namedId`: the line of the investigation's answer (named_contacts); none when added by hand. */
  | { kind: 'named'; note?: string; namedId?: string };

export interface Interval {
  start: Date;
  end: Date;
}
