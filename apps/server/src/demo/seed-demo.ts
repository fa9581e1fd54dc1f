import type { Config } from '../core/config';
import type { Db } from '../core/db/db';
import { seedDemoAccounts, type DemoAccount } from './demo-accounts';
import { seedDemoPeople } from './demo-people';
import { seedDemoLabs } from './demo-labs';
import { seedDemoVaccination } from './demo-vaccination';

export type { DemoAccount };

/** Demo accounts and people, created once (each seeder is idempotent); returns the accounts to print. */
export async function seedDemo(
  db: Db,
  config: Config,
  opts: { vaccination?: boolean } = {},
): Promise<DemoAccount[]> {
  const accounts = await seedDemoAccounts(db, config.secret);
  await seedDemoPeople(db);
  await seedDemoLabs(db);
  // A 2025 deployment seeds its vaccination site and campaign on its own map after the move.
  if (opts.vaccination !== false) await seedDemoVaccination(db);
  // Further demo data (people, venues…) is seeded here, one call per seeder.
  return accounts;
}
