import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Db } from '../core/db/db';
import { openPglite } from '../core/db/pglite';
import { openPostgres } from '../core/db/postgres';
import { migrate, readMigrations } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';
import { adminUnitsDataVersion } from '../modules/geo';
import { loadConfig } from '../core/config';
import { deriveAuditKeys, withAuditKeys } from '../core/audit/audit-keys';
import { withKeysSecret } from '../core/crypto/keys-secret';

/** Test databases carry the audit keys and keys secret of the test configuration (testConfig), like the app's. */
const keyed = (db: Db): Db => {
  const config = loadConfig({ NODE_ENV: 'test' });
  return withKeysSecret(withAuditKeys(db, deriveAuditKeys(config.auditSecret)), config.secret);
};

export interface DbTarget {
  name: 'pglite' | 'postgres';
  /** A fresh, migrated database with reference data; closing it drops it. */
  open(): Promise<Db>;
  /** A fresh database with no migration applied (to test upgrades); closing it drops it. */
  openEmpty(): Promise<Db>;
}

let counter = 0;

async function freshPostgres(url: string): Promise<Db> {
  const name = `pdtest_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const u = new URL(url);
  u.pathname = `/${name}`;
  const db = await openPostgres(u.toString(), 5);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      const a = new pg.Client({ connectionString: url });
      await a.connect();
      await a.query(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

async function prepared(db: Db): Promise<Db> {
  await migrate(db);
  await loadReferenceData(db);
  return db;
}

/**
 * PGlite's initdb takes seconds; a migrated template is dumped once to the temp folder (keyed by the
 * migrations' content) and each test database starts from a copy of it in well under a second.
 */
async function freshPglite(): Promise<Db> {
  const hash = createHash('sha256');
  for (const m of readMigrations()) hash.update(m.version).update(m.sql);
  hash.update(String(fs.statSync(new URL('../core/db/reference-data.ts', import.meta.url)).mtimeMs));
  hash.update(adminUnitsDataVersion());
  const file = path.join(os.tmpdir(), `phongdich-pglite-template-${hash.digest('hex').slice(0, 16)}.tar`);
  if (fs.existsSync(file)) return openPglite(undefined, new Blob([fs.readFileSync(file)]));
  const db = (await prepared(await openPglite())) as Db & { dump(): Promise<Blob> };
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(await (await db.dump()).arrayBuffer()));
  fs.renameSync(tmp, file);
  return db;
}

/**
 * Every database test runs on the embedded PGlite, and also on a real PostgreSQL server when
 * DATABASE_URL is set (as in CI). The database is never mocked.
 */
export function dbTargets(): DbTarget[] {
  const targets: DbTarget[] = [
    {
      name: 'pglite',
      open: async () => keyed(await freshPglite()),
      openEmpty: async () => keyed(await openPglite()),
    },
  ];
  const url = process.env.DATABASE_URL;
  if (url)
    targets.push({
      name: 'postgres',
      open: async () => keyed(await prepared(await freshPostgres(url))),
      openEmpty: async () => keyed(await freshPostgres(url)),
    });
  return targets;
}
