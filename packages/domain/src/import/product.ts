import { foldVietnamese } from '../text/fold';
import type { VaccinationCatalogue } from '../vaccination/types';

/**
 * A vaccine name as typed ("Astra", "AZ", "pfizer", "Vero cell", "Sino") to the catalogue product's `mp`.
 * Exact alias or name first; then a word that starts an alias or name ("Sino" → Sinopharm), which
 * counts only when exactly one product has it. Null when nothing or more than one product fits.
 */
export function matchProduct(catalogue: VaccinationCatalogue, input: string): string | null {
  const typed = foldVietnamese(input);
  if (!typed) return null;
  const compact = (s: string) => s.replace(/ /g, '');
  const namesOf = (p: VaccinationCatalogue['products'][number]) =>
    [p.mp, ...p.aliases, p.name.vi, p.name.en, ...p.name.en.split(/[()/]/)]
      .map(foldVietnamese)
      .filter(Boolean);
  const exact = catalogue.products.filter((p) =>
    namesOf(p).some((n) => n === typed || compact(n) === compact(typed)),
  );
  if (exact.length === 1) return exact[0]!.mp;
  if (exact.length > 1) return null;
  if (typed.length < 3) return null;
  const prefix = catalogue.products.filter((p) =>
    namesOf(p).some((n) => n.split(' ').some((w) => w.startsWith(typed)) || n.startsWith(typed)),
  );
  return prefix.length === 1 ? prefix[0]!.mp : null;
}
