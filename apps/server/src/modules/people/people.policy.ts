import type { Actor } from '../../core/auth/actor';
import { canAt } from '../../core/auth/policy';
import type { Queryable } from '../../core/db/db';
import { familyOf } from './people.repository';
import { citizenAccount } from './people.search.repository';
import type { PersonRow } from './people.types';
import { locationOf } from './people.view';

/**
 * Staff who may read people see a person in full inside their jurisdiction and masked outside it.
 * Roles that may search without reading (venue staff finding a visitor) always see the masked summary:
 * being posted in the person's commune is not a right to read their record.
 */
export function staffSeesInFull(actor: Actor, row: PersonRow): boolean {
  return canAt(actor, 'person.read', locationOf(row));
}

/**
 * The person a citizen account stands for: the session's personId, else the one linked on the account
 * (the link may have been made after the session began).
 */
export async function citizenPersonId(q: Queryable, actor: Actor): Promise<string | null> {
  if (actor.kind !== 'citizen') return null;
  if (actor.personId) return actor.personId;
  return (await citizenAccount(q, actor.accountId))?.person_id ?? null;
}

/**
 * Citizens hold no `person.read` permission; they may read exactly their own record and the records
 * of the family members they declared, always in full.
 */
export async function citizenMayRead(q: Queryable, actor: Actor, personId: string): Promise<boolean> {
  const own = await citizenPersonId(q, actor);
  if (!own) return false;
  if (own === personId) return true;
  return (await familyOf(q, own)).some((m) => m.id === personId);
}
