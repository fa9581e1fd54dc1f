import type { Queryable } from '../../core/db/db';
import type { VenueStaffMember } from './venues.types';

/** Adds phones as staff (or owner); the account is linked now if that phone has signed in before. */
export async function addStaff(
  q: Queryable,
  venueId: string,
  phones: string[],
  role: 'owner' | 'staff',
): Promise<void> {
  if (!phones.length) return;
  await q.query(
    `insert into venue_staff (venue_id, account_id, phone, role)
     select $1, (select a.id from accounts a where a.kind = 'citizen' and a.phone = p), p, $3
     from unnest($2::text[]) as p
     on conflict (venue_id, phone) do nothing`,
    [venueId, phones, role],
  );
}

export async function removeStaff(q: Queryable, venueId: string, phone: string): Promise<boolean> {
  const rows = await q.query(
    `delete from venue_staff where venue_id = $1 and phone = $2 and role = 'staff' returning phone`,
    [venueId, phone],
  );
  return rows.length > 0;
}

export async function staffOf(q: Queryable, venueId: string): Promise<VenueStaffMember[]> {
  const rows = await q.query<{
    phone: string;
    role: 'owner' | 'staff';
    has_account: boolean;
    added_at: Date;
  }>(
    `select s.phone, s.role, s.added_at,
       exists (select 1 from accounts a where a.kind = 'citizen' and a.phone = s.phone) as has_account
     from venue_staff s where s.venue_id = $1 order by s.role, s.added_at`,
    [venueId],
  );
  return rows.map((r) => ({
    phone: r.phone,
    role: r.role,
    hasAccount: r.has_account,
    addedAt: r.added_at.toISOString(),
  }));
}

/** The phone a citizen account signed in with (staff accounts have none). */
export async function accountPhone(q: Queryable, accountId: string): Promise<string | null> {
  const rows = await q.query<{ phone: string | null }>('select phone from accounts where id = $1', [
    accountId,
  ]);
  return rows[0]?.phone ?? null;
}
