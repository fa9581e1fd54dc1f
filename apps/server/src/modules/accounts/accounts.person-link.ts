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
