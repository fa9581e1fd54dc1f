/**
 * A throw-away PostgreSQL cluster for honest figures: its own data folder, flushing to disk
 * (fsync=on, synchronous_commit=on, full_page_writes=on — the server defaults a production database keeps),
 * on a free loopback port; stop() shuts it down and deletes the folder. The shared development server
 * may run with fsync off (CI does, for speed); figures measured there would flatter every write.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions)
    if (fs.existsSync(path.join(root, v, 'bin', 'pg_ctl'))) return path.join(root, v, 'bin');
  throw new Error(
    'no PostgreSQL server binaries under /usr/lib/postgresql (Debian: apt-get install postgresql)',
  );
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export interface Cluster {
  url: string;
  dir: string;
  stop(): void;
}

export async function startThrowawayPostgres(): Promise<Cluster> {
  const bin = pgBin();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-pg-'));
  // initdb refuses to run as root: run the server tools as the postgres user then.
  const asPostgres = process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--'] : [];
  if (asPostgres.length) execFileSync('chown', ['postgres:postgres', dir]);
  const run = (cmd: string, args: string[]) => {
    const argv = [...asPostgres, path.join(bin, cmd), ...args];
    execFileSync(argv[0]!, argv.slice(1), { stdio: ['ignore', 'ignore', 'inherit'] });
  };
  const data = path.join(dir, 'data');
  run('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${dir}`,
    `-c listen_addresses=127.0.0.1`,
    `-c fsync=on`,
    `-c synchronous_commit=on`,
    `-c full_page_writes=on`,
    `-c max_connections=200`,
    `-c shared_buffers=256MB`,
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    const argv = [...asPostgres, path.join(bin, 'pg_ctl'), '-D', data, '-m', 'fast', '-w', 'stop'];
    spawnSync(argv[0]!, argv.slice(1), { stdio: 'ignore' });
    fs.rmSync(dir, { recursive: true, force: true });
  };
  // A bench that throws or is interrupted still stops its cluster and deletes the folder.
  process.once('exit', stop);
  for (const sig of ['SIGINT', 'SIGTERM'] as const)
    process.once(sig, () => {
      stop();
      process.exit(130);
    });
  return { url: `postgres://postgres@127.0.0.1:${port}/postgres`, dir, stop };
}
