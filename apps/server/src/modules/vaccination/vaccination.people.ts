import type { Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { AppError } from '../../core/errors';
import { citizenAccount, familyOf, personBriefs, personIdByPhone } from '../people';

/** The people a citizen acts for: themselves and the family members they declared. */
export async function ownAndFamily(
  q: Queryable,
  ctx: AuditContext,
): Promise<{ id: string; name: string; self: boolean }[]> {
  if (ctx.actor.kind !== 'citizen') throw new AppError('FORBIDDEN');
  const account = await citizenAccount(q, ctx.actor.accountId);
  const own = account?.person_id ?? (account?.phone ? await personIdByPhone(q, account.phone) : undefined);
  if (!own) return [];
  const self = (await personBriefs(q, [own])).get(own);
  const family = await familyOf(q, own);
  return [
    { id: own, name: self?.fullName ?? '', self: true },
    ...family.map((f) => ({ id: f.id, name: f.fullName, self: false })),
  ];
}

/** Refuses a person the citizen does not act for, without saying whether the person exists. */
export async function assertActsFor(q: Queryable, ctx: AuditContext, personId: string) {
  const people = await ownAndFamily(q, ctx);
  const p = people.find((x) => x.id === personId);
  if (!p) throw new AppError('FORBIDDEN', undefined, 'not the citizen or their family');
  return p;
}
