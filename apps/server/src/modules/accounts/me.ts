import { ACTIONS, type Action } from '@phongdich/contracts';
import { maskPhone } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { can } from '../../core/auth/policy';
import { actorFromAccount } from '../../core/auth/sessions';
import type { AccountRow } from './accounts.repository';
import { unitNames } from './units';

export interface Me {
  id: string;
  kind: AccountRow['kind'];
  role: string;
  displayName: string;
  username: string | null;
  phoneMasked: string | null;
  unitCode: string | null;
  unitName: string | null;
  personId: string | null;
  totpEnabled: boolean;
  /** Owns or staffs a check-in point: the web app then offers the staff scanner. */
  staffsVenue: boolean;
  permissions: Action[];
}

/** Does this account own a venue or appear on a venue's staff list (by account or by its phone)? */
async function staffsVenue(q: Queryable, a: AccountRow): Promise<boolean> {
  const rows = await q.query(
    `select 1 from venues v where v.owner_account_id = $1
     union all
     select 1 from venue_staff s where s.account_id = $1 or ($2::text is not null and s.phone = $2)
     limit 1`,
    [a.id, a.phone],
  );
  return rows.length > 0;
}

/** The signed-in account as the web app sees it; permissions drive navigation, not access. */
export async function presentMe(q: Queryable, a: AccountRow): Promise<Me> {
  const names = await unitNames(q, [a.unit_code]);
  const actor = actorFromAccount(a);
  return {
    id: a.id,
    kind: a.kind,
    role: a.role,
    displayName: a.display_name,
    username: a.username,
    phoneMasked: a.phone ? maskPhone(a.phone) : null,
    unitCode: a.unit_code,
    unitName: a.unit_code ? (names.get(a.unit_code) ?? null) : null,
    personId: a.person_id,
    totpEnabled: a.totp_enabled,
    staffsVenue: a.kind === 'citizen' ? await staffsVenue(q, a) : false,
    permissions: ACTIONS.filter((action) => can(actor, action)),
  };
}
