import type { Queryable } from '../../core/db/db';

/**
 * A person record merged into another: the citizen accounts that pointed at the duplicate now point
 * at the survivor, in the merge's transaction (people's merge calls this; accounts are this module's).
 */
export async function repointCitizenAccounts(
  tx: Queryable,
  fromPersonId: string,
  toPersonId: string,
): Promise<void> {
  await tx.query('update accounts set person_id = $2 where person_id = $1', [fromPersonId, toPersonId]);
}

/** A citizen account's normalised phone and the person it is linked to (people reads it through this). */
export async function citizenAccountLink(
  q: Queryable,
  accountId: string,
): Promise<{ phone: string | null; person_id: string | null } | undefined> {
  const rows = await q.query<{ phone: string | null; person_id: string | null }>(
    'select phone, person_id from accounts where id::text = $1',
    [accountId],
  );
  return rows[0];
}

/** Links a citizen account to the person record found to be theirs (people's claim and sign-in match). */
export async function linkCitizenAccount(q: Queryable, accountId: string, personId: string): Promise<void> {
  await q.query('update accounts set person_id = $2, updated_at = now() where id::text = $1', [
    accountId,
    personId,
  ]);
}
