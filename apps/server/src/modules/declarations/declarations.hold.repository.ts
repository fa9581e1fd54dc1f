import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import type { Param, Queryable } from '../../core/db/db';

export interface DeclarationHoldRow {
  id: string;
  person_id: string;
  held_until: Date;
  reason: string;
  created_at: Date;
  created_by_name: string | null;
  active: boolean;
  released_at: Date | null;
  released_by_name: string | null;
  /** The person's commune: enough to read an area-wide list by, without the person's name. */
  person_commune_name: string | null;
}

// The person is another module's table: joined by id for the commune (and, in area lists, the jurisdiction).
const SELECT = `select h.id, h.person_id, h.held_until, h.reason, h.created_at,
    a.display_name as created_by_name, h.held_until > now() as active, h.released_at,
    r.display_name as released_by_name, u.full_name as person_commune_name
  from declaration_holds h left join accounts a on a.id = h.created_by_account_id
  left join accounts r on r.id = h.released_by_account_id
  left join persons p on p.id = h.person_id
  left join admin_units u on u.structure = p.unit_structure and u.code = p.commune_code`;

export async function findDeclarationHold(
  q: Queryable,
  id: string,
  forUpdate = false,
): Promise<DeclarationHoldRow | undefined> {
  const rows = await q.query<DeclarationHoldRow>(
    `${SELECT} where h.id = $1${forUpdate ? ' for update of h' : ''}`,
    [id],
  );
  return rows[0];
}

/** A person's holds, newest first; `active` true: in force only, false: ended only, undefined: both. */
export async function declarationHoldsOf(
  q: Queryable,
  personId: string,
  active?: boolean,
): Promise<DeclarationHoldRow[]> {
  return q.query<DeclarationHoldRow>(
    `${SELECT} where h.person_id = $1 and ($2::boolean is null or (h.held_until > now()) = $2)
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
    `${SELECT} where ($1::boolean is null or (h.held_until > now()) = $1) and ${area.sql}
      order by h.created_at desc, h.id desc limit $2`,
    params,
  );
}

/** Ends a hold now; the row stays (the history of holds). False if it had already ended. */
export async function releaseDeclarationHold(
  q: Queryable,
  id: string,
  accountId: string | null,
): Promise<boolean> {
  const rows = await q.query(
    `update declaration_holds set held_until = now(), released_at = now(), released_by_account_id = $2
      where id = $1 and held_until > now() returning id`,
    [id, accountId],
  );
  return rows.length > 0;
}
