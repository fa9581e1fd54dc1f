import pg from 'pg';
import type { Db } from '../core/db/db';
import { openPostgres } from '../core/db/postgres';
import { templateKey } from './template-key';

/** Session advisory lock held while a template is built (one builder across every test process). */
const TEMPLATE_BUILD_LOCK = 727399;
/** A template of other migrations is dropped once it has not been rebuilt for this long. */
const STALE_TEMPLATE_MS = 3600_000;

async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let counter = 0;

/** A new database (empty, or a copy of `template`); closing it drops it. */
export async function freshPostgres(url: string, template?: string): Promise<Db> {
  const name = `pdtest_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  await withAdmin(url, (c) => c.query(`create database ${name}${template ? ` template ${template}` : ''}`));
  const db = await openPostgres(databaseUrl(url, name), 5);
  const close = db.close;
  return {
    ...db,
    close: async () => {
      await close();
      await withAdmin(url, (c) => c.query(`drop database if exists ${name} with (force)`));
    },
  };
}

const isTemplate = async (c: pg.Client, name: string) =>
  (await c.query('select 1 from pg_database where datname = $1 and datistemplate', [name])).rowCount === 1;

/**
 * The migrated template database for this tree's migrations and reference data, built once under an
 * advisory lock: it is built under another name and renamed when complete, so a template that exists
 * is whole, and no connection stays open on it (PostgreSQL copies only a template nobody is connected to).
 */
async function ensureTemplate(url: string, build: (db: Db) => Promise<Db>): Promise<string> {
  const name = `pdtpl_${templateKey()}`;
  await withAdmin(url, async (c) => {
    if (await isTemplate(c, name)) return;
    await c.query('select pg_advisory_lock($1)', [TEMPLATE_BUILD_LOCK]);
    try {
      if (await isTemplate(c, name)) return;
      const building = `pdtplbuild_${templateKey()}`;
      // A builder that died left its half-built database; nobody else builds while we hold the lock.
      await c.query(`drop database if exists ${building} with (force)`);
      await c.query(`create database ${building}`);
      const db = await openPostgres(databaseUrl(url, building), 2);
      try {
        await build(db);
      } finally {
        await db.close();
      }
      await c.query(`alter database ${building} rename to ${name}`);
      await c.query(`alter database ${name} is_template true`);
      await c.query(`comment on database ${name} is '${new Date().toISOString()}'`);
      await dropStaleTemplates(c, name);
    } finally {
      await c.query('select pg_advisory_unlock($1)', [TEMPLATE_BUILD_LOCK]);
    }
  });
  return name;
}

/**
 * Templates of other migrations (an older commit, another worktree on the same server) go once they
 * are an hour old; one still in use is built again by its tree when it next needs it.
 */
async function dropStaleTemplates(c: pg.Client, keep: string): Promise<void> {
  const { rows } = await c.query<{ datname: string; built: string | null }>(
    `select d.datname, shobj_description(d.oid, 'pg_database') as built
       from pg_database d where d.datname like 'pdtpl\\_%' and d.datname <> $1`,
    [keep],
  );
  for (const { datname, built } of rows) {
    const at = built ? Date.parse(built) : NaN;
    if (Number.isFinite(at) && Date.now() - at < STALE_TEMPLATE_MS) continue;
    await c.query(`alter database ${datname} is_template false`);
    await c.query(`drop database if exists ${datname} with (force)`);
  }
}

const templates = new Map<string, Promise<string>>();

/** A fresh, migrated database with reference data, copied from the template (built on first use). */
export async function templatedPostgres(url: string, build: (db: Db) => Promise<Db>): Promise<Db> {
  for (let attempt = 0; ; attempt++) {
    let template = templates.get(url);
    if (!template) {
      template = ensureTemplate(url, build);
      templates.set(url, template);
    }
    try {
      return await freshPostgres(url, await template);
    } catch (err) {
      templates.delete(url);
      // The template was dropped under us (another tree's clean-up): build it again, once.
      if ((err as { code?: string }).code !== '3D000' || attempt > 0) throw err;
    }
  }
}
