import type { Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { catalogueInForce } from './vaccination.catalogue';
import { refreshPersonVaccination } from './vaccination.person-state';

const DISEASE = 'covid-19';

/** Refuses a group code the catalogue in force does not name (groups are data, like the products). */
export async function assertPriorityGroup(q: Queryable, group: string, field = 'group'): Promise<void> {
  const catalogue = await catalogueInForce(q, DISEASE, new Date());
  if (!catalogue.priorityGroups.some((g) => g.code === group))
    throw new AppError('VALIDATION_FAILED', [
      {
        field,
        code: 'unknown_priority_group',
        message: { vi: 'Nhóm ưu tiên không có trong danh mục', en: 'Priority group not in the catalogue' },
      },
    ]);
}

/**
 * Records (or clears, with null) a person's priority group and moves their share of the coverage
 * counts to it in the same transaction, so the figures by group never disagree with the membership.
 */
export async function setPriorityGroup(
  tx: Queryable,
  m: { personId: string; group: string | null; source: 'officer' | 'import'; accountId: string | null },
): Promise<void> {
  if (m.group === null)
    await tx.query('delete from vaccination_priority_members where person_id = $1 and disease = $2', [
      m.personId,
      DISEASE,
    ]);
  else
    await tx.query(
      `insert into vaccination_priority_members (person_id, disease, group_code, source, set_by_account_id)
       values ($1, $2, $3, $4, $5)
       on conflict (person_id, disease) do update set group_code = excluded.group_code, source = excluded.source,
         set_by_account_id = excluded.set_by_account_id, updated_at = now()`,
      [m.personId, DISEASE, m.group, m.source, m.accountId],
    );
  await refreshPersonVaccination(tx, m.personId);
}

export async function priorityGroupOf(q: Queryable, personId: string): Promise<string | null> {
  const rows = await q.query<{ group_code: string }>(
    'select group_code from vaccination_priority_members where person_id = $1 and disease = $2',
    [personId, DISEASE],
  );
  return rows[0]?.group_code ?? null;
}
