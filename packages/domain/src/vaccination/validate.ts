import type { VaccinationCatalogue } from './types';

export interface CatalogueProblem {
  field: string;
  code: 'unknown_product' | 'interval_count' | 'duplicate' | 'booster_order';
}

/**
 * Checks what a JSON schema cannot: references between entries. Shape and value-set codes are checked
 * by the caller (the server's schema and the DCC value sets).
 */
export function catalogueProblems(c: VaccinationCatalogue): CatalogueProblem[] {
  const problems: CatalogueProblem[] = [];
  const codes = new Set<string>();
  c.products.forEach((p, i) => {
    if (codes.has(p.mp)) problems.push({ field: `products.${i}.mp`, code: 'duplicate' });
    codes.add(p.mp);
    if (p.schedule.intervals.length !== p.schedule.doses - 1)
      problems.push({ field: `products.${i}.schedule.intervals`, code: 'interval_count' });
  });
  c.products.forEach((p, i) =>
    p.schedule.mixWith.forEach((m, j) => {
      if (!codes.has(m))
        problems.push({ field: `products.${i}.schedule.mixWith.${j}`, code: 'unknown_product' });
    }),
  );
  c.boosters.forEach((b, i) => {
    if (b.ordinal !== i + 1) problems.push({ field: `boosters.${i}.ordinal`, code: 'booster_order' });
    b.products.forEach((m, j) => {
      if (!codes.has(m)) problems.push({ field: `boosters.${i}.products.${j}`, code: 'unknown_product' });
    });
  });
  const groups = new Set<string>();
  c.priorityGroups.forEach((g, i) => {
    if (groups.has(g.code)) problems.push({ field: `priorityGroups.${i}.code`, code: 'duplicate' });
    groups.add(g.code);
  });
  return problems;
}
