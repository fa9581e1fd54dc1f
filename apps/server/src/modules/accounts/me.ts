import { ACTIONS, type Role } from '@phongdich/contracts';
import type { Me } from '@phongdich/contracts/accounts';
import { maskPhone } from '@phongdich/domain';
import type { Queryable } from '../../core/db/db';
import { can } from '../../core/auth/policy';
import { actorFromAccount } from '../../core/auth/sessions';
import type { AccountRow } from './accounts.repository';
import { unitNames } from '../geo';

// The answer's shape is the contracts' (GET /api/auth/me and every sign-in answer it).
export type { Me };

/**
 * Does this account own a venue or appear on a venue's staff list (by account or by its phone)?
 * Through venues' read view venue_staff_brief (0071): venues imports accounts, so not a call.
 */
async function staffsVenue(q: Queryable, a: AccountRow): Promise<boolean> {
  const rows = await q.query(
    `select 1 from venue_staff_brief s
     where s.account_id = $1 or ($2::text is not null and s.phone = $2)
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
    // Stored roles are the catalogue's (accounts are created with StaffRole or 'citizen').
    role: a.role as Role,
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
