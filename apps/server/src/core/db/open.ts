import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config';
import type { Db } from './db';
import { openPglite } from './pglite';
import { openPostgres } from './postgres';
import { deriveAuditKeys, withAuditKeys } from '../audit/audit-keys';
import { withKeysSecret } from '../crypto/keys-secret';

/**
 * The database named by the configuration: a PostgreSQL server if DATABASE_URL is set, else PGlite.
 * With `auditSecret`, the handle carries the audit keys, so it can write audit entries; with
 * `secret`, the keys secret, so it can sign codes (the demo generator does both).
 */
export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir'> & Partial<Pick<Config, 'auditSecret' | 'secret'>>,
): Promise<Db> {
  const plain = await openPlain(config);
  const db = config.auditSecret ? withAuditKeys(plain, deriveAuditKeys(config.auditSecret)) : plain;
  return config.secret ? withKeysSecret(db, config.secret) : db;
}

async function openPlain(config: Pick<Config, 'databaseUrl' | 'dataDir'>): Promise<Db> {
  if (config.databaseUrl) return openPostgres(config.databaseUrl);
  const dir = path.join(config.dataDir, 'pglite');
  fs.mkdirSync(dir, { recursive: true });
  return openPglite(dir);
}
