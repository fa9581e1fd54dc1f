import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db } from '../core/db/db';
import { openPglite } from '../core/db/pglite';
import { migrate } from '../core/db/migrate';
import { loadReferenceData } from '../core/db/reference-data';
import { loadConfig } from '../core/config';
import { deriveAuditKeys, withAuditKeys } from '../core/audit/audit-keys';
import { withKeysSecret } from '../core/crypto/keys-secret';
import { freshPostgres, templatedPostgres } from './postgres-template';
import { templateKey } from './template-key';

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

export async function prepared(db: Db): Promise<Db> {
  await migrate(db);
  await loadReferenceData(db);
  return db;
}

/**
 * A template Blob over bytes already in memory. PGlite reads a template only with arrayBuffer()
 * (and its type), and Node's Blob answers arrayBuffer() by streaming its parts in small chunks and
 * concatenating them: for a 60 MB template that was half a second per open on a loaded machine.
 * Each open gets its own copy of the bytes.
 */
class TemplateBlob extends Blob {
  readonly #bytes: ArrayBuffer;
  constructor(bytes: ArrayBuffer) {
    super([], { type: 'application/x-tar' });
    this.#bytes = bytes;
  }
  override arrayBuffer(): Promise<ArrayBuffer> {
    return Promise.resolve(this.#bytes.slice(0));
  }
}

const PGLITE_TEMPLATE_PREFIX = 'phongdich-pglite-template-';
const STALE_MS = 24 * 3600_000;

/** The template file's bytes, read once per test process (files open several databases each). */
let pgliteTemplate: Promise<ArrayBuffer> | undefined;

/**
 * PGlite's initdb takes seconds; a migrated template is dumped once to the temp folder (keyed by the
 * migrations and reference data) and each test database starts from a copy of it.
 */
async function pgliteTemplateBytes(): Promise<ArrayBuffer> {
  const file = path.join(os.tmpdir(), `${PGLITE_TEMPLATE_PREFIX}${templateKey()}.tar`);
  try {
    const buf = fs.readFileSync(file);
    return buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) as ArrayBuffer;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const db = (await prepared(await openPglite())) as Db & { dump(): Promise<Blob> };
  const bytes = await (await db.dump()).arrayBuffer();
  await db.close();
  // Written under a name of this process, then renamed: a reader never sees half a template.
  const tmp = `${file}.${process.pid}`;
  fs.writeFileSync(tmp, Buffer.from(bytes));
  fs.renameSync(tmp, file);
  removeStalePgliteTemplates(file);
  return bytes;
}

/** Templates of older migrations, untouched for a day, are 60–90 MB each of nothing useful. */
function removeStalePgliteTemplates(keep: string): void {
  const dir = path.dirname(keep);
  for (const name of fs.readdirSync(dir)) {
    const p = path.join(dir, name);
    if (!name.startsWith(PGLITE_TEMPLATE_PREFIX) || p === keep) continue;
    try {
      if (Date.now() - fs.statSync(p).mtimeMs > STALE_MS) fs.rmSync(p, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}

async function freshPglite(): Promise<Db> {
  pgliteTemplate ??= pgliteTemplateBytes();
  pgliteTemplate.catch(() => (pgliteTemplate = undefined));
  return openPglite(undefined, new TemplateBlob(await pgliteTemplate));
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
      open: async () => keyed(await templatedPostgres(url, prepared)),
      openEmpty: async () => keyed(await freshPostgres(url)),
    });
  return targets;
}
