import type { CorrectionCandidateT } from '@phongdich/contracts/vaccination-corrections';
import type { Queryable } from '../../core/db/db';

/** What a candidate source is asked about: the request, without the person's identity beyond their id. */
export interface CandidateQuery {
  personId: string;
  productMp: string;
  doseDate: string;
  siteId: string | null;
}

/**
 * A source of records a reviewer may compare a correction with, e.g. the bulk import's unmatched rows
 * (the import engineer registers one: rows of that date and product whose identity was not matched to
 * a person, or matched to this one). It reads in the reviewer's request, so it must return only rows
 * the reviewer may see, and at most a handful (the first 10 are shown).
 */
export type CandidateSource = (q: Queryable, query: CandidateQuery) => Promise<CorrectionCandidateT[]>;

const sources = new Map<string, CandidateSource>();

/** Registers (or replaces) a named candidate source; called once at start by the module that owns the rows. */
export function registerCorrectionCandidateSource(name: string, source: CandidateSource): void {
  sources.set(name, source);
}

/** Every source's candidates; a failing source is skipped (the review still opens), never fatal. */
export async function correctionCandidates(
  q: Queryable,
  query: CandidateQuery,
): Promise<CorrectionCandidateT[]> {
  const out: CorrectionCandidateT[] = [];
  for (const [name, source] of sources) {
    try {
      out.push(...(await source(q, query)).slice(0, 10).map((c) => ({ ...c, source: c.source || name })));
    } catch {
      /* a source's table may not exist on this deployment yet */
    }
  }
  return out;
}
