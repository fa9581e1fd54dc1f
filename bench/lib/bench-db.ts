import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import { withKeysSecret } from '../../apps/server/src/core/crypto/keys-secret';
import path from 'node:path';
import type { Db } from '../../apps/server/src/core/db/db';
import { openDatabase } from '../../apps/server/src/core/db/open';
import { migrate } from '../../apps/server/src/core/db/migrate';
import { loadReferenceData } from '../../apps/server/src/core/db/reference-data';
import { loadConfig } from '../../apps/server/src/core/config';
import { startThrowawayPostgres } from './pg-cluster';

/**
 * Where a benchmark runs:
 *  - `BENCH_PG=throwaway`: a PostgreSQL cluster of its own with fsync on, deleted afterwards (honest figures);
 *  - `DATABASE_URL`: that server as it is configured (its fsync setting is printed in the header), in a
 *    fresh database made for the run and dropped afterwards — or, for the benches that reuse a large
 *    generated data set (`reuse`), in the named database itself;
 *  - otherwise the embedded PGlite (the product's default, flushing to disk) in BENCH_DATA_DIR (kept between
 *    runs so large generated data sets are reused) or a fresh temp folder deleted afterwards.
 * Child processes (servers, load workers) inherit the choice through process.env.DATABASE_URL / `dataDir`.
 */
export interface BenchTarget {
  databaseUrl: string | undefined;
  /** The PGlite folder (unused on PostgreSQL). */
  dataDir: string;
  kind: 'postgresql' | 'pglite';
  /** Deletes what the run made: the throw-away cluster or the temp PGlite folder. */
  cleanup(): void;
}

let target: BenchTarget | undefined;

export async function benchTarget(opts: { reuse?: boolean } = {}): Promise<BenchTarget> {
  if (target) return target;
  if (process.env.BENCH_PG === 'throwaway') {
    const cluster = await startThrowawayPostgres();
    process.env.DATABASE_URL = cluster.url;
    target = { databaseUrl: cluster.url, dataDir: '', kind: 'postgresql', cleanup: cluster.stop };
  } else if (process.env.DATABASE_URL && opts.reuse) {
    target = { databaseUrl: process.env.DATABASE_URL, dataDir: '', kind: 'postgresql', cleanup: () => {} };
  } else if (process.env.DATABASE_URL) {
    const admin = process.env.DATABASE_URL;
    const name = `pd_bench_${randomBytes(4).toString('hex')}`;
    execFileSync('psql', [admin, '-qAtc', `create database ${name}`], { stdio: 'inherit' });
    const url = new URL(admin);
    url.pathname = `/${name}`;
    process.env.DATABASE_URL = url.toString();
    let dropped = false;
    const cleanup = () => {
      if (dropped) return;
      dropped = true;
      execFileSync('psql', [admin, '-qAtc', `drop database if exists ${name} with (force)`], {
        stdio: 'inherit',
      });
    };
    process.once('exit', cleanup);
    target = { databaseUrl: url.toString(), dataDir: '', kind: 'postgresql', cleanup };
  } else {
    const kept = process.env.BENCH_DATA_DIR;
    const dataDir = kept ?? fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-'));
    const cleanup = () => {
      if (!kept) fs.rmSync(dataDir, { recursive: true, force: true });
    };
    process.once('exit', cleanup);
    target = { databaseUrl: undefined, dataDir, kind: 'pglite', cleanup };
  }
  return target;
}

export interface BenchDb {
  db: Db;
  /** One line for the header: the database, its flush settings, Node, load average. */
  where: string;
  kind: 'postgresql' | 'pglite';
  /** Closes the database and deletes what the run made. */
  done(): Promise<void>;
}

/** Opens (and migrates) the benchmark's database. */
export async function openBenchDb(opts: { cleanup?: boolean; reuse?: boolean } = {}): Promise<BenchDb> {
  const t = await benchTarget(opts);
  const config = loadConfig();
  // Bound like the app binds it (app wiring), so signing venue posters and keys works in benchmarks.
  const db = withKeysSecret(
    await openDatabase({ databaseUrl: t.databaseUrl, dataDir: t.dataDir, auditSecret: config.auditSecret }),
    config.secret,
  );
  await migrate(db);
  await loadReferenceData(db);
  const settings = await db.query<{ name: string; setting: string }>(
    `select name, setting from pg_settings where name in ('fsync', 'synchronous_commit') order by name`,
  );
  const flush = settings.map((s) => `${s.name}=${s.setting}`).join(' ');
  const warn = settings.some((s) => s.setting === 'off')
    ? ' — WARNING: not flushing to disk, figures flatter every write (use BENCH_PG=throwaway)'
    : '';
  const name =
    t.kind === 'postgresql'
      ? process.env.BENCH_PG === 'throwaway'
        ? 'postgresql (throw-away cluster)'
        : 'postgresql (DATABASE_URL)'
      : `pglite ${t.dataDir}`;
  const where = `${name}, ${flush}${warn}; Node ${process.version}; load ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')} on ${os.cpus().length} cores; ${new Date().toISOString().slice(0, 16)}Z`;
  return {
    db,
    where,
    kind: t.kind,
    async done() {
      await db.close();
      if (opts.cleanup !== false) t.cleanup();
    },
  };
}
