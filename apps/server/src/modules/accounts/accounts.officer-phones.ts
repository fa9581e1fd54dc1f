import type { Queryable } from '../../core/db/db';

/**
 * Mobile numbers of the active commune health officers of a commune (staff accounts that carry one),
 * for alerts that cannot wait for the next sign-in (cases: a warning sign in a home isolation report).
 */
export async function communeOfficerPhones(
  q: Queryable,
  communeCode: string,
  structure: string,
): Promise<string[]> {
  const rows = await q.query<{ phone: string }>(
    `select distinct phone from accounts
     where kind = 'staff' and role = 'commune_officer' and not disabled and phone is not null
       and unit_code = $1 and unit_structure = $2`,
    [communeCode, structure],
  );
  return rows.map((r) => r.phone);
}
