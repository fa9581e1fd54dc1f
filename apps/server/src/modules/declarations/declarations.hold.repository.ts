import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { canAt } from '../../core/auth/policy';
import type { Param, Queryable } from '../../core/db/db';
import { activeHoldSql, type HoldKind, type HoldRowBase } from '../../core/holds.kind';
import { findPerson, locationOf } from '../people';

/** A declaration hold is always a person's. */
export interface DeclarationHoldRow extends HoldRowBase {
  person_id: string;
}

// People's, accounts' names through their read views (0069): joined by id for the commune and who
// placed or released the hold (and, in area lists, the jurisdiction).
const SELECT = `select h.id, h.person_id, h.held_until, h.reason, h.created_at,
    a.display_name as created_by_name, h.held_until > now() as active, h.released_at,
    r.display_name as released_by_name, p.commune_name as person_commune_name
  from declaration_holds h left join account_brief a on a.id = h.created_by_account_id
  left join account_brief r on r.id = h.released_by_account_id
  left join person_brief p on p.id = h.person_id`;

/** Declarations as a kind of held data (core/holds.kind.ts): a person's, until a date. */
export const DECLARATION_HOLDS: HoldKind<DeclarationHoldRow> = {
  kind: 'declarations',
  table: 'declaration_holds',
  select: SELECT,
  policy: 'declaration.hold',
  audit: { place: 'declaration.hold', read: 'declaration.hold.read', release: 'declaration.hold.release' },
  inReach: async (q, actor, r) => {
    const person = await findPerson(q, r.person_id);
    return !!person && canAt(actor, 'declaration.hold', locationOf(person));
  },
};

/** A person's holds, newest first; `active` true: in force only, false: ended only, undefined: both. */
export async function declarationHoldsOf(
  q: Queryable,
  personId: string,
  active?: boolean,
): Promise<DeclarationHoldRow[]> {
  return q.query<DeclarationHoldRow>(
    `${SELECT} where h.person_id = $1 and ${activeHoldSql(2)}
      order by h.created_at desc, h.id desc limit 200`,
    [personId, active ?? null],
  );
}

/** Every hold whose person lies in the actor's area, newest first; `active` as in declarationHoldsOf. */
export async function declarationHoldsWithin(
  q: Queryable,
  f: { within: Actor; active?: boolean; limit: number },
): Promise<DeclarationHoldRow[]> {
  const area = jurisdictionSql(f.within, 'p', 3);
  const params: Param[] = [f.active ?? null, f.limit, ...area.params];
  return q.query<DeclarationHoldRow>(
    `${SELECT} where ${activeHoldSql(1)} and ${area.sql}
      order by h.created_at desc, h.id desc limit $2`,
    params,
  );
}
