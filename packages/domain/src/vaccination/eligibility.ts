import type {
  DoseHistoryEntry,
  Eligibility,
  SeriesState,
  VaccinationCatalogue,
  VaccineProduct,
} from './types';

const DAY_MS = 86_400_000;

export function productOf(catalogue: VaccinationCatalogue, mp: string): VaccineProduct | undefined {
  return catalogue.products.find((p) => p.mp === mp);
}

/** Full years between a birth date (or 1 July of a birth year when only the year is known) and `at`. */
export function ageInYears(birth: { date: string | null; year: number }, at: Date): number {
  const b = birth.date ? new Date(`${birth.date}T00:00:00Z`) : new Date(Date.UTC(birth.year, 6, 1));
  let age = at.getUTCFullYear() - b.getUTCFullYear();
  const beforeBirthday =
    at.getUTCMonth() < b.getUTCMonth() ||
    (at.getUTCMonth() === b.getUTCMonth() && at.getUTCDate() < b.getUTCDate());
  if (beforeBirthday) age--;
  return age;
}

const sorted = (history: DoseHistoryEntry[]) =>
  [...history].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

/**
 * Where a person stands in the schedule: the series is the one of the product of the first dose (a
 * product the catalogue does not know counts as a one-off dose of a two-dose series).
 */
export function seriesState(catalogue: VaccinationCatalogue, history: DoseHistoryEntry[]): SeriesState {
  const doses = sorted(history);
  const first = doses[0] && productOf(catalogue, doses[0].mp);
  const primaryDoses = doses.length ? (first?.schedule.doses ?? 2) : null;
  const complete = primaryDoses !== null && doses.length >= primaryDoses;
  return {
    doses: doses.length,
    primaryComplete: complete,
    primaryCompletedAt: complete ? doses[primaryDoses - 1]!.at : null,
    boosters: complete ? doses.length - primaryDoses : 0,
    primaryDoses,
  };
}

const iso = (t: number) => new Date(t).toISOString();

/**
 * Whether `mp` may be given as the person's next dose at `at`, and which dose it is. One pure function
 * over the catalogue in force, so the site, the day list and the later import all apply the same rules.
 */
export function doseEligibility(input: {
  catalogue: VaccinationCatalogue;
  history: DoseHistoryEntry[];
  birth: { date: string | null; year: number };
  mp: string;
  at: Date;
}): Eligibility {
  const { catalogue, birth, mp, at } = input;
  const history = sorted(input.history);
  const doseNumber = history.length + 1;
  const product = productOf(catalogue, mp);
  if (!product) return { eligible: false, doseNumber, reason: 'UNKNOWN_PRODUCT' };
  const age = ageInYears(birth, at);
  const previous = history[history.length - 1];
  const state = seriesState(catalogue, history);

  let minDays = 0;
  let recommendedDays = 0;
  let kind: 'primary' | 'booster' = 'primary';
  let completesPrimary = false;
  if (!previous) {
    if (age < product.schedule.minAgeYears) return { eligible: false, doseNumber, reason: 'TOO_YOUNG' };
    if (product.schedule.maxAgeYears !== null && age > product.schedule.maxAgeYears)
      return { eligible: false, doseNumber, reason: 'TOO_OLD' };
    completesPrimary = product.schedule.doses === 1;
  } else if (!state.primaryComplete) {
    const seriesProduct = productOf(catalogue, history[0]!.mp);
    const mixable =
      mp === history[0]!.mp ||
      (seriesProduct?.schedule.mixWith.includes(mp) ?? false) ||
      product.schedule.mixWith.includes(history[0]!.mp);
    if (!mixable) return { eligible: false, doseNumber, reason: 'NOT_MIXABLE' };
    if (age < product.schedule.minAgeYears) return { eligible: false, doseNumber, reason: 'TOO_YOUNG' };
    const interval = (seriesProduct ?? product).schedule.intervals[doseNumber - 2];
    minDays = interval?.minDays ?? 28;
    recommendedDays = interval?.recommendedDays ?? minDays;
    completesPrimary = doseNumber === state.primaryDoses;
  } else {
    kind = 'booster';
    const boosterRule = catalogue.boosters.find((b) => b.ordinal === state.boosters + 1);
    if (!boosterRule) return { eligible: false, doseNumber, reason: 'NO_FURTHER_DOSE' };
    if (boosterRule.products.length && !boosterRule.products.includes(mp))
      return { eligible: false, doseNumber, reason: 'PRODUCT_NOT_FOR_BOOSTER' };
    if (age < boosterRule.minAgeYears) return { eligible: false, doseNumber, reason: 'TOO_YOUNG' };
    minDays = boosterRule.minDaysAfterPrevious;
    recommendedDays = minDays;
  }
  const previousAt = previous ? Date.parse(previous.at) : at.getTime();
  const earliest = previousAt + minDays * DAY_MS;
  // Intervals count calendar days: a dose given on the morning of day 28 is in time.
  if (previous && at.getTime() < earliest - DAY_MS / 2)
    return { eligible: false, doseNumber, reason: 'TOO_SOON', earliest: iso(earliest) };
  return {
    eligible: true,
    doseNumber,
    kind,
    completesPrimary,
    earliest: iso(earliest),
    recommended: iso(previousAt + recommendedDays * DAY_MS),
  };
}

/** The catalogue in force at `at`: the latest effective one of the disease. */
export function selectCatalogue(
  catalogues: VaccinationCatalogue[],
  disease: string,
  at: Date,
): VaccinationCatalogue | undefined {
  return catalogues
    .filter((c) => c.disease === disease && Date.parse(c.effectiveFrom) <= at.getTime())
    .sort((a, b) => Date.parse(b.effectiveFrom) - Date.parse(a.effectiveFrom))[0];
}
