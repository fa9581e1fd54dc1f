/**
 * An immediate PostgreSQL restart under check-in load loses no acknowledged check-in.
 *
 * A private PostgreSQL cluster (initdb, fsync on: the server default) is started with pg_ctl; the
 * check-in server runs on it in a child process (this file with --serve), with many distinct citizens
 * and venues; the load runs here, in another process, and records the id of every 201. After a random
 * number of acknowledgements `pg_ctl restart -m immediate` (no checkpoint: crash recovery from WAL)
 * runs mid-load; the load goes on through the outage (503s are not acknowledged) and after it, then
 * every acknowledged id is looked up in the database. Repeated `--rounds` times on the same cluster.
 *
 *   npx tsx bench/checkins-pg-restart.bench.ts [--rounds 3] [--concurrency 32] [--citizens 50] [--venues 50]
 *
 * Needs initdb, pg_ctl and postgres on PATH (or PG_BIN). Prints the acknowledged and lost counts.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

if (process.argv.includes('--serve')) await serve();
else await main();

/** Child mode: the real application on DATABASE_URL, with citizens and venues; prints one JSON line. */
async function serve(): Promise<void> {
  const { openDatabase } = await import('../apps/server/src/core/db/open');
  const { migrate } = await import('../apps/server/src/core/db/migrate');
  const { loadReferenceData } = await import('../apps/server/src/core/db/reference-data');
  const { buildApp } = await import('../apps/server/src/app');
  const { testConfig } = await import('../apps/server/src/test-support/test-app');
  const { citizenWithPerson, createVenue, venueToken } =
    await import('../apps/server/src/modules/checkins/checkins.fixtures');
  const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '' });
  await migrate(db);
  await loadReferenceData(db);
  const app = await buildApp({ config: testConfig({ databaseUrl: process.env.DATABASE_URL }), db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('not listening');
  const citizens: Record<string, string>[] = [];
  const base = Date.now() % 10_000_000;
  for (let i = 0; i < arg('citizens', 50); i++) {
    const phone = `09${String((base + i * 7919) % 100_000_000).padStart(8, '0')}`;
    citizens.push((await citizenWithPerson(app, phone)).headers);
  }
  const tokens: string[] = [];
  for (let i = 0; i < arg('venues', 50); i++) tokens.push(await venueToken(db, await createVenue(db)));
  console.log(JSON.stringify({ url: `http://127.0.0.1:${addr.port}`, citizens, tokens }));
  readline.createInterface({ input: process.stdin }).on('close', () => {
    void app.close().then(() => db.close());
  });
}

async function main(): Promise<void> {
  const rounds = arg('rounds', 3);
  const concurrency = arg('concurrency', 32);
  const bin = (name: string) => (process.env.PG_BIN ? path.join(process.env.PG_BIN, name) : name);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-pg-restart-'));
  // PostgreSQL refuses to run as root: then its commands run as the postgres user, who owns the folder.
  const asRoot = process.getuid?.() === 0;
  if (asRoot) execFileSync('chown', ['postgres', root]);
  const run = (cmd: string, args: string[]): [string, string[]] =>
    asRoot ? ['runuser', ['-u', 'postgres', '--', bin(cmd), ...args]] : [bin(cmd), args];
  const pgdata = path.join(root, 'data');
  const port = 56000 + Math.floor(Math.random() * 1000);
  const ctlArgs = (args: string[]) => ['-D', pgdata, '-l', path.join(root, 'pg.log'), '-w', ...args];
  const pgctl = (...args: string[]) => execFileSync(...run('pg_ctl', ctlArgs(args)), { stdio: 'pipe' });
  const pgctlAsync = (...args: string[]) =>
    new Promise<void>((resolve, reject) =>
      execFile(...run('pg_ctl', ctlArgs(args)), (err) => (err ? reject(err) : resolve())),
    );
  execFileSync(...run('initdb', ['-D', pgdata, '-U', 'postgres', '--auth=trust', '-E', 'UTF8']), {
    stdio: 'pipe',
  });
  // fsync and synchronous_commit stay at their defaults (on): acknowledged means flushed to WAL.
  fs.appendFileSync(
    path.join(pgdata, 'postgresql.conf'),
    `\nport = ${port}\nlisten_addresses = '127.0.0.1'\nunix_socket_directories = '${root}'\nfsync = on\nsynchronous_commit = on\n`,
  );
  pgctl('start');
  const databaseUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve', ...process.argv.slice(2)],
    { stdio: ['pipe', 'pipe', 'inherit'], env: { ...process.env, DATABASE_URL: databaseUrl } },
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  let serverDied = false;
  void exited.then(() => (serverDied = true));
  let lostInAll = 0;
  let ackedInAll = 0;
  try {
    const first = await new Promise<string>((resolve, reject) => {
      readline.createInterface({ input: child.stdout! }).once('line', resolve);
      void exited.then(() => reject(new Error('server exited before it was ready')));
    });
    const server = JSON.parse(first) as { url: string; citizens: Record<string, string>[]; tokens: string[] };
    const { openDatabase } = await import('../apps/server/src/core/db/open');

    for (let round = 1; round <= rounds; round++) {
      const restartAfter = 500 + Math.floor(Math.random() * 1500);
      const acknowledged: string[] = [];
      let refused = 0;
      let restarted = false;
      let stopAt = Number.POSITIVE_INFINITY;
      let restartMs = 0;
      const deadline = performance.now() + 180_000;
      const worker = async (w: number) => {
        for (let i = w; !serverDied && performance.now() < Math.min(stopAt, deadline); i += concurrency) {
          const id = randomUUID();
          try {
            const res = await fetch(`${server.url}/api/checkins`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', ...server.citizens[i % server.citizens.length] },
              body: JSON.stringify({
                id,
                venueToken: server.tokens[(i * 31) % server.tokens.length],
                deviceTime: new Date().toISOString(),
              }),
            });
            await res.arrayBuffer();
            if (res.status === 201) acknowledged.push(id);
            else refused++;
          } catch {
            refused++;
          }
          if (!restarted && acknowledged.length >= restartAfter) {
            restarted = true;
            const t = performance.now();
            // Asynchronous: the other workers keep sending while the database is down and recovering.
            await pgctlAsync('restart', '-m', 'immediate');
            restartMs = performance.now() - t;
            // Keep loading a few seconds after the database is back (the server must recover by itself).
            stopAt = performance.now() + 5_000;
          }
        }
      };
      await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));

      const db = await openDatabase({ databaseUrl, dataDir: '' });
      const found = new Set(
        (
          await db.query<{ id: string }>('select id::text from checkins where id = any($1::uuid[])', [
            acknowledged,
          ])
        ).map((r) => r.id),
      );
      await db.close();
      const lost = acknowledged.filter((id) => !found.has(id)).length;
      lostInAll += lost;
      ackedInAll += acknowledged.length;
      console.log(
        `round ${round}: pg_ctl restart -m immediate (${Math.round(restartMs)} ms) after ${restartAfter} ` +
          `acknowledged; ${acknowledged.length} acknowledged in all, ${refused} refused or failed; ` +
          `${found.size} found after recovery, ${lost} lost`,
      );
      if (serverDied) {
        // The server must ride out the outage by itself; a crashed server is a failed run.
        console.log(`round ${round}: the check-in server DIED during the restart`);
        lostInAll += 1;
        break;
      }
    }
    console.log(
      `${rounds} rounds, ${server.citizens.length} citizens, ${server.tokens.length} venues: ` +
        `${ackedInAll} acknowledged check-ins, ${lostInAll} lost`,
    );
  } finally {
    child.stdin!.end();
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
    try {
      pgctl('stop', '-m', 'fast');
    } catch {
      // Already stopped.
    }
    fs.rmSync(root, { recursive: true, force: true });
  }
  process.exitCode = lostInAll === 0 ? 0 : 1;
}
