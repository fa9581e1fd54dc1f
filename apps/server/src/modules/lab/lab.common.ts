import type { Actor } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import type { CtValues, ResultInput } from './lab.types';

/** Lab staff act for the lab their account is attached to (`facility_id` = labs.id). */
export function labOf(actor: Actor): { labId: string; accountId: string } {
  if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  if (actor.kind === 'citizen' || !actor.facilityId) throw new AppError('LAB_REQUIRED');
  return { labId: actor.facilityId, accountId: actor.accountId };
}

/** Ct values in a stable key order, so identical results compare equal as JSON. */
export function normalizeCt(ct: CtValues | null | undefined): CtValues | null {
  if (!ct) return null;
  const out: CtValues = {};
  for (const k of ['E', 'N', 'RdRp', 'ORF1ab'] as const) if (ct[k] !== undefined) out[k] = ct[k];
  return Object.keys(out).length ? out : null;
}

export function sameResult(
  stored: { result: string; ct_values: CtValues | null; kit: string | null },
  input: ResultInput,
): boolean {
  return (
    stored.result === input.result &&
    JSON.stringify(normalizeCt(stored.ct_values)) === JSON.stringify(normalizeCt(input.ctValues)) &&
    (stored.kit ?? null) === (input.kit?.trim() || null)
  );
}
