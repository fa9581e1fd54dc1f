import type { Queryable } from '../../core/db/db';

/** A person's declarations between two instants, as other modules read them (cases' investigation). */
export async function declarationsOfPerson(
  q: Queryable,
  personId: string,
  from: Date,
  to: Date,
): Promise<{ kind: string; at: Date; hasWarning: boolean }[]> {
  return q.query(
    `select kind, created_at as at, has_warning as "hasWarning" from declarations
     where person_id = $1 and created_at >= $2 and created_at < $3 order by created_at desc limit 100`,
    [personId, from, to],
  );
}
