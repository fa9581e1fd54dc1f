import type { StatusFact } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import type { StatusSource } from '../status';
import { factRows, latestDeclarationRow } from './declarations.repository';

const RELEVANT_DAYS = 14;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Status facts from the last 14 days' declarations: symptoms declared → `symptoms_reported`, contact
 * with a case → `contact_reported` (source 'declaration', as the colour rule sets name it).
 */
export async function declarationFacts(q: Queryable, personId: string, now: Date): Promise<StatusFact[]> {
  const rows = await factRows(q, personId, new Date(now.getTime() - RELEVANT_DAYS * DAY_MS), now);
  return rows.flatMap((r) =>
    r.fact_kinds.map((kind) => ({
      source: 'declaration',
      kind,
      at: r.created_at.toISOString(),
      data: { declarationId: r.id },
    })),
  );
}

/** When the person last declared (any kind), for venues that require a recent declaration. */
export function latestDeclarationAt(q: Queryable, personId: string): Promise<Date | null> {
  return latestDeclarationRow(q, personId);
}

/** Declarations as a source of a person's colour (registered where modules are wired, app.ts). */
export const declarationStatusSource: StatusSource = { name: 'declarations', facts: declarationFacts };
