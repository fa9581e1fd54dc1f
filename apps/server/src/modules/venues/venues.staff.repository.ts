import type { Queryable } from '../../core/db/db';
import { citizenAccountsByPhone } from '../accounts';
import type { VenueStaffMember } from './venues.types';

/** Adds phones as staff (or owner); the account is linked now if that phone has signed in before. */
export async function addStaff(
  q: Queryable,
  venueId: string,
  phones: string[],
  role: 'owner' | 'staff',
): Promise<void> {
  if (!phones.length) return;
  const accounts = await citizenAccountsByPhone(q, phones);
  await q.query(
    `insert into venue_staff (venue_id, account_id, phone, role)
     select $1, a, p, $3 from unnest($2::text[], $4::uuid[]) as s(p, a)
     on conflict (venue_id, phone) do nothing`,
    [venueId, phones, role, phones.map((p) => accounts.get(p) ?? null)],
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
    added_at: Date;
  }>(
    `select s.phone, s.role, s.added_at from venue_staff s where s.venue_id = $1 order by s.role, s.added_at`,
    [venueId],
  );
  const accounts = await citizenAccountsByPhone(
    q,
    rows.map((r) => r.phone),
  );
  return rows.map((r) => ({
    phone: r.phone,
    role: r.role,
    hasAccount: accounts.has(r.phone),
    addedAt: r.added_at.toISOString(),
  }));
}
