// The vaccination catalogue as data: one disease's products, schedules, booster rules and priority
// groups, versioned with an effective date like the status rule sets. A new epidemic's vaccine is a
// new catalogue (another `disease`), not new code.

export interface LocalText {
  vi: string;
  en: string;
}

/** A vaccine product with its EU DCC value-set codes (mp product, ma holder, vp type). */
export interface VaccineProduct {
  /** The DCC `mp` code, also the product's key in the catalogue. */
  mp: string;
  ma: string;
  vp: string;
  name: LocalText;
  /** Names people type or print on paper cards ("AZ", "Vero cell"): the later import matches on these. */
  aliases: string[];
  schedule: PrimarySchedule;
}

export interface PrimarySchedule {
  /** Doses in the primary series (1 for Janssen). */
  doses: number;
  /** Interval before dose 2, 3… of the series: minimum and recommended days after the previous dose. */
  intervals: { minDays: number; recommendedDays: number }[];
  minAgeYears: number;
  /** Older people may be excluded by a product's licence; null = no upper limit. */
  maxAgeYears: number | null;
  /** Other products that may complete a series started with this one. */
  mixWith: string[];
}

export interface BoosterRule {
  /** Which booster this rule is for: 1 = the first dose after the primary series, 2 = the next. */
  ordinal: number;
  minDaysAfterPrevious: number;
  /** Products allowed for this booster; empty = any product of the catalogue. */
  products: string[];
  minAgeYears: number;
}

export interface PriorityGroup {
  code: string;
  name: LocalText;
}

export interface VaccinationCatalogue {
  disease: string;
  /** SNOMED code of the disease (DCC `tg`): 840539006 for COVID-19. */
  diseaseCode: string;
  version: string;
  /** ISO date-time from which this catalogue is in force. */
  effectiveFrom: string;
  products: VaccineProduct[];
  /** Booster rules apply after the primary series is complete, by ordinal. */
  boosters: BoosterRule[];
  priorityGroups: PriorityGroup[];
}

/** One dose on record, as the eligibility rules see it. */
export interface DoseHistoryEntry {
  mp: string;
  /** ISO date-time the dose was given. */
  at: string;
}

export type IneligibleReason =
  | 'UNKNOWN_PRODUCT'
  | 'TOO_YOUNG'
  | 'TOO_OLD'
  | 'TOO_SOON'
  | 'NOT_MIXABLE'
  | 'PRODUCT_NOT_FOR_BOOSTER'
  | 'NO_FURTHER_DOSE';

export type Eligibility =
  | {
      eligible: true;
      doseNumber: number;
      kind: 'primary' | 'booster';
      /** True when this dose completes the primary series. */
      completesPrimary: boolean;
      earliest: string;
      recommended: string;
    }
  | {
      eligible: false;
      doseNumber: number;
      reason: IneligibleReason;
      /** For TOO_SOON: the first day the dose may be given. */
      earliest?: string;
    };

export interface SeriesState {
  doses: number;
  primaryComplete: boolean;
  /** When the primary series was completed (the dose that completed it). */
  primaryCompletedAt: string | null;
  boosters: number;
  /** The doses the primary series needs, from the product that started it. */
  primaryDoses: number | null;
}
