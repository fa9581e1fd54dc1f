import type { Config } from '../core/config';
import type { Db } from '../core/db/db';

export interface DemoAccount {
  role: string;
  login: string;
  secret: string;
  note: string;
}

/** Demo accounts and people, created once; returns the accounts to print. Filled in by the accounts module. */
export async function seedDemo(_db: Db, _config: Config): Promise<DemoAccount[]> {
  return [];
}
