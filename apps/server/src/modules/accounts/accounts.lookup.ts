import type { Queryable } from '../../core/db/db';

/**
 * Small reads of accounts for other modules (issue #9: they named the table in their SQL). Phones are
 * personal data, so they are not in the read view account_brief: a module asks here for the few it needs.
 */

/** The phone an account signed in with (citizens; staff accounts mostly have none). */
export async function accountPhone(q: Queryable, accountId: string): Promise<string | null> {
  const rows = await q.query<{ phone: string | null }>('select phone from accounts where id = $1', [
    accountId,
  ]);
  return rows[0]?.phone ?? null;
}

/** The citizen account signed in with each of these phones, where there is one (phone → account id). */
export async function citizenAccountsByPhone(
  q: Queryable,
  phones: readonly string[],
): Promise<Map<string, string>> {
  if (!phones.length) return new Map();
  const rows = await q.query<{ id: string; phone: string }>(
    `select id::text as id, phone from accounts where kind = 'citizen' and phone = any($1::text[])`,
    [[...phones]],
  );
  return new Map(rows.map((r) => [r.phone, r.id]));
}

/** An enabled staff account of this role, by its exact username. */
export async function activeStaffAccountId(
  q: Queryable,
  username: string,
  role: string,
): Promise<string | undefined> {
  const rows = await q.query<{ id: string }>(
    `select id::text as id from accounts where kind = 'staff' and role = $2 and username = $1 and not disabled`,
    [username, role],
  );
  return rows[0]?.id;
}
