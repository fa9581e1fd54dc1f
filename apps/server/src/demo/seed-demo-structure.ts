import type { Config } from '../core/config';
import type { Db } from '../core/db/db';
import { systemActor } from '../core/auth/actor';
import { applyDeploymentStructure } from '../core/units/deployment';
import type { UnitStructure } from '../core/units/structure';
import { runMove, listReviews, resolveReview } from '../modules/geo';
import { seedDemo, type DemoAccount } from './seed-demo';
import { seedDemoVaccination } from './demo-vaccination';

const DEMO_ADMIN = systemActor('demo', 'demo:seed');

/**
 * The demo follows the deployment's structure. Its data is written on the 2021 map (Phường Phúc Xá,
 * Quận Ba Đình…); on a 2025 deployment it is then carried across by the real move, so the demo also
 * shows the review list (people of split communes wait there). District-level demo accounts, which
 * have no district on the new map, are put at the demo's commune (never at the province, which would
 * widen their reach) so every demo role can sign in and work. A second start seeds and moves nothing.
 */
export async function seedDemoFor(db: Db, config: Config, structure: UnitStructure): Promise<DemoAccount[]> {
  if (structure === 'pre2025') return seedDemo(db, config);
  await applyDeploymentStructure(db, 'pre2025');
  const accounts = await seedDemo(db, config, { vaccination: false });
  await applyDeploymentStructure(db, '2025');
  const ctx = { actor: DEMO_ADMIN, ip: null, requestId: null };
  await runMove(db, ctx);
  // The demo's commune on the new map (Phúc Xá went whole into Hồng Hà): district accounts work there.
  const [home] = await db.query<{ unit_code: string }>(
    `select unit_code from accounts where username = 'xa.phucxa' and unit_structure = '2025'`,
  );
  for (const item of await listReviews(db, ctx, { limit: 500, table: 'accounts' }))
    if (item.table === 'accounts' && item.reason === 'district' && home)
      await resolveReview(db, ctx, item.id, home.unit_code);
  // The vaccination site and campaign are new records: written on the 2025 map, not moved onto it.
  await seedDemoVaccination(db, '2025');
  return withUnitNames(db, accounts);
}

/**
 * The printout names each account's unit as it now is (after the move: "Phường Hồng Hà", not the
 * 2021 "Phường Phúc Xá"), read from the accounts themselves; national accounts keep their note.
 */
async function withUnitNames(db: Db, accounts: DemoAccount[]): Promise<DemoAccount[]> {
  const rows = await db.query<{ username: string; name: string }>(
    `select a.username, u.full_name as name from accounts a
       join admin_units u on u.structure = a.unit_structure and u.code = a.unit_code
      where a.username = any($1::text[])`,
    [accounts.map((a) => a.login)],
  );
  const names = new Map(rows.map((r) => [r.username, r.name]));
  return accounts.map((a) => {
    const name = names.get(a.login);
    if (!name) return a;
    const rest = a.note.indexOf(' · ');
    return { ...a, note: rest < 0 ? name : `${name}${a.note.slice(rest)}` };
  });
}
