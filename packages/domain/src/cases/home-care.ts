// Home care of a case (F0) as versioned data: severity levels, the warning signs that send the
// commune's medical team at once, and when a case at home may be released. Per the Ministry of
// Health's home-care guidance (Quyết định 261/QĐ-BYT, 31/01/2022, and its 2021 predecessor); a change
// is a new version with a later effectiveFrom.

export interface Bilingual {
  vi: string;
  en: string;
}

export interface SeverityLevel {
  id: string;
  label: Bilingual;
  /** Whether a case at this level may stay at home. */
  homeCare: boolean;
}

export type IsolationSymptom =
  | 'breathing_difficulty'
  | 'chest_pain'
  | 'confusion'
  | 'bluish_lips'
  | 'cough'
  | 'fever'
  | 'sore_throat'
  | 'fatigue'
  | 'loss_of_taste_smell'
  | 'diarrhoea';

export interface HomeCareRuleSet {
  id: string;
  version: string;
  effectiveFrom: string;
  severityLevels: SeverityLevel[];
  symptoms: { id: IsolationSymptom; label: Bilingual; warning: boolean }[];
  warnings: {
    /** SpO2 below this (percent) is a warning sign. */
    spo2Below: number;
    /** Breaths per minute above this (adults). */
    breathingRateAbove: number;
    /** Temperature at or above this (°C). */
    temperatureFrom: number;
  };
  release: {
    /** Days from confirmation (day of the confirming sample counts as day 0) before release. */
    minDays: number;
    /** A negative test taken on or after this day (from the sample day) is needed. */
    negativeTestFromDay: number;
  };
  /** A daily report is due; a case at home without one by the end of the day is listed as missed. */
  reportsPerDay: number;
}

const SYMPTOMS: HomeCareRuleSet['symptoms'] = [
  { id: 'breathing_difficulty', label: { vi: 'Khó thở', en: 'Breathing difficulty' }, warning: true },
  { id: 'chest_pain', label: { vi: 'Đau tức ngực kéo dài', en: 'Lasting chest pain' }, warning: true },
  { id: 'confusion', label: { vi: 'Lơ mơ, không tỉnh táo', en: 'Confusion, drowsiness' }, warning: true },
  {
    id: 'bluish_lips',
    label: { vi: 'Môi, đầu ngón tay tím tái', en: 'Bluish lips or fingertips' },
    warning: true,
  },
  { id: 'fever', label: { vi: 'Sốt', en: 'Fever' }, warning: false },
  { id: 'cough', label: { vi: 'Ho', en: 'Cough' }, warning: false },
  { id: 'sore_throat', label: { vi: 'Đau họng', en: 'Sore throat' }, warning: false },
  { id: 'fatigue', label: { vi: 'Mệt mỏi', en: 'Fatigue' }, warning: false },
  {
    id: 'loss_of_taste_smell',
    label: { vi: 'Mất vị giác, khứu giác', en: 'Loss of taste or smell' },
    warning: false,
  },
  { id: 'diarrhoea', label: { vi: 'Tiêu chảy', en: 'Diarrhoea' }, warning: false },
];

const LEVELS: SeverityLevel[] = [
  { id: 'asymptomatic', label: { vi: 'Không triệu chứng', en: 'Asymptomatic' }, homeCare: true },
  { id: 'mild', label: { vi: 'Nhẹ', en: 'Mild' }, homeCare: true },
  { id: 'moderate', label: { vi: 'Trung bình', en: 'Moderate' }, homeCare: false },
  { id: 'severe', label: { vi: 'Nặng', en: 'Severe' }, homeCare: false },
  { id: 'critical', label: { vi: 'Nguy kịch', en: 'Critical' }, homeCare: false },
];

export const HOME_CARE_RULE_SETS: readonly HomeCareRuleSet[] = [
  {
    // Quyết định 4156/QĐ-BYT (2021): 14 days, release with a negative RT-PCR.
    id: 'vn-2021',
    version: 'vn-2021.1',
    effectiveFrom: '2021-09-01T00:00:00+07:00',
    severityLevels: LEVELS,
    symptoms: SYMPTOMS,
    warnings: { spo2Below: 96, breathingRateAbove: 20, temperatureFrom: 38.5 },
    release: { minDays: 14, negativeTestFromDay: 12 },
    reportsPerDay: 1,
  },
  {
    // Quyết định 261/QĐ-BYT (2022): 7 days with a negative rapid antigen test.
    id: 'vn-2022',
    version: 'vn-2022.1',
    effectiveFrom: '2022-01-31T00:00:00+07:00',
    severityLevels: LEVELS,
    symptoms: SYMPTOMS,
    warnings: { spo2Below: 96, breathingRateAbove: 20, temperatureFrom: 38.5 },
    release: { minDays: 7, negativeTestFromDay: 6 },
    reportsPerDay: 1,
  },
];

export function homeCareRulesInForce(
  at: Date,
  sets: readonly HomeCareRuleSet[] = HOME_CARE_RULE_SETS,
): HomeCareRuleSet {
  let best: HomeCareRuleSet | undefined;
  for (const s of sets) {
    const from = Date.parse(s.effectiveFrom);
    if (from <= at.getTime() && (!best || from > Date.parse(best.effectiveFrom))) best = s;
  }
  if (!best) throw new Error(`no home-care rule in force at ${at.toISOString()}`);
  return best;
}

export interface IsolationReading {
  spo2: number | null;
  temperature: number | null;
  breathingRate: number | null;
  symptoms: string[];
}

export type WarningSign = 'low_spo2' | 'fast_breathing' | 'high_fever' | IsolationSymptom;

/** The warning signs in a reading, in a stable order (empty: no warning). Pure. */
export function warningSigns(rules: HomeCareRuleSet, r: IsolationReading): WarningSign[] {
  const signs: WarningSign[] = [];
  if (r.spo2 !== null && r.spo2 < rules.warnings.spo2Below) signs.push('low_spo2');
  if (r.breathingRate !== null && r.breathingRate > rules.warnings.breathingRateAbove)
    signs.push('fast_breathing');
  if (r.temperature !== null && r.temperature >= rules.warnings.temperatureFrom) signs.push('high_fever');
  for (const s of rules.symptoms) if (s.warning && r.symptoms.includes(s.id)) signs.push(s.id);
  return signs;
}

/** Days between two YYYY-MM-DD dates (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export type ReleaseDecision =
  | { release: true }
  | { release: false; reason: 'too_early'; earliestDay: string }
  | { release: false; reason: 'negative_test_needed'; fromDay: string };

/**
 * May a case at home be released today? Needs the rule's days since the confirming sample and a
 * negative test sampled on or after the rule's day. Dates are YYYY-MM-DD (Vietnam). Pure.
 */
export function releaseDecision(
  rules: HomeCareRuleSet,
  sampleDate: string,
  today: string,
  negativeTestDays: string[],
): ReleaseDecision {
  const plus = (d: number) =>
    new Date(Date.parse(`${sampleDate}T00:00:00Z`) + d * 86_400_000).toISOString().slice(0, 10);
  if (daysBetween(sampleDate, today) < rules.release.minDays)
    return { release: false, reason: 'too_early', earliestDay: plus(rules.release.minDays) };
  if (!negativeTestDays.some((d) => daysBetween(sampleDate, d) >= rules.release.negativeTestFromDay))
    return {
      release: false,
      reason: 'negative_test_needed',
      fromDay: plus(rules.release.negativeTestFromDay),
    };
  return { release: true };
}
