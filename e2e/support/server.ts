import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { openPglite } from '../../apps/server/src/core/db/pglite';
import { prepared } from '../../apps/server/src/test-support/test-db';
import { templateKey } from '../../apps/server/src/test-support/template-key';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

let template: Promise<string> | undefined;

/**
 * An embedded database folder with the migrations and reference data applied, built once for this
 * tree's migrations (like the db tests' template) and shut down cleanly: each new test deployment
 * starts from a copy instead of running initdb and loading every administrative unit again. The
 * server still runs its migrations and reference loaders at start (they find nothing to do) and
 * seeds its demo data itself.
 */
function templateDataFolder(): Promise<string> {
  template ??= (async () => {
    const dir = path.join(tmpdir(), `phongdich-e2e-template-${templateKey()}`);
    if (existsSync(path.join(dir, 'PG_VERSION'))) return dir;
    const building = `${dir}.${process.pid}`;
    const db = await prepared(await openPglite(building));
    await db.close();
    try {
      renameSync(building, dir);
    } catch (err) {
      // Another test process finished its copy first: use that one.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(path.join(dir, 'PG_VERSION'))) throw err;
    }
    return dir;
  })();
  return template;
}

/** A demo account as printed by the server at start-up (role, login, secret, note). */
export interface DemoAccount {
  role: string;
  login: string;
  secret: string;
  note: string;
  /** Administrators sign in with two factors: the printed authenticator secret ("2FA TOTP …"). */
  totpSecret?: string;
}

export interface TestServer {
  url: string;
  demoAccounts: DemoAccount[];
  /** The demo account for a role (and a unit named in its note, e.g. "Phúc Xá", when given). */
  demoAccount(role: string, noteContains?: string): DemoAccount;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

/** Lines after "demo accounts:" look like `role   login   secret   note` (columns padded with spaces). */
export function parseDemoAccounts(stdout: string): DemoAccount[] {
  const start = stdout.indexOf('demo accounts:');
  if (start < 0) return [];
  const out: DemoAccount[] = [];
  for (const line of stdout.slice(start).split('\n').slice(1)) {
    if (!line.trim()) break;
    const [role, login, secret, ...note] = line.trim().split(/\s+/);
    const totpSecret = /2FA TOTP ([A-Z2-7]{16,})/.exec(line)?.[1];
    if (role && login && secret)
      out.push({ role, login, secret, note: note.join(' '), ...(totpSecret ? { totpSecret } : {}) });
  }
  return out;
}

export interface ServerOptions {
  /** The deployment's map (PHONGDICH_UNIT_STRUCTURE); the browser tests' records use 2021 codes. */
  structure?: '2021' | '2025';
  /** Reuse this data folder (a restart of the same deployment); the caller removes it. */
  dataDir?: string;
  /** Seed the demo (default true); off, a restarted deployment keeps what it has, moved or not. */
  demo?: boolean;
  /** The program to run: the server itself, or a test server's entry (e2e/support/*-server.ts). */
  entry?: string;
}

/**
 * Starts the real server (built web app, fresh embedded database, demo data) on a free port
 * and waits until /api/health answers.
 */
export async function startServer(opts: ServerOptions = {}): Promise<TestServer> {
  if (!existsSync(path.join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build:web` first');
  }
  if (opts.dataDir) {
    // A new deployment (no database folder yet) starts from the migrated template's copy.
    if (!existsSync(path.join(opts.dataDir, 'pglite')))
      cpSync(await templateDataFolder(), path.join(opts.dataDir, 'pglite'), { recursive: true });
    return launch(opts.dataDir, opts, false);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'pd-e2e-'));
  if (opts.demo === false)
    cpSync(await templateDataFolder(), path.join(dataDir, 'pglite'), { recursive: true });
  else cpSync(await demoDeployment(opts.structure ?? '2021'), dataDir, { recursive: true });
  return launch(dataDir, opts, true);
}

const demoDeployments = new Map<string, Promise<string>>();

/**
 * A whole demo deployment's folder (database and audit heads) as the server leaves it after its first
 * start and a clean stop, built once per map, day and server code: the demo's seeding (accounts with
 * their password hashes, people, labs, vaccination, and on 2025 the move) cost every browser test
 * file seconds of CPU. A test server started from a copy finds its demo in place, as on a second
 * start, and prints the same accounts. Keyed by the day because the demo's slots start today.
 */
function demoDeployment(structure: '2021' | '2025'): Promise<string> {
  const day = new Date().toISOString().slice(0, 10);
  const key = `${structure}-${day}-${serverCodeKey()}`;
  let found = demoDeployments.get(key);
  if (!found) {
    found = (async () => {
      const dir = path.join(tmpdir(), `phongdich-e2e-demo-${key}`);
      if (existsSync(path.join(dir, 'pglite', 'PG_VERSION'))) return dir;
      const building = `${dir}.${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      cpSync(await templateDataFolder(), path.join(building, 'pglite'), { recursive: true });
      const first = await launch(building, { structure }, false);
      if (!(await first.stopCleanly())) {
        rmSync(building, { recursive: true, force: true });
        throw new Error('the demo deployment did not stop cleanly');
      }
      try {
        renameSync(building, dir);
      } catch (err) {
        // Another test process finished its copy first: use that one.
        rmSync(building, { recursive: true, force: true });
        if (!existsSync(path.join(dir, 'pglite', 'PG_VERSION'))) throw err;
      }
      return dir;
    })();
    found.catch(() => demoDeployments.delete(key));
    demoDeployments.set(key, found);
  }
  return found;
}

/**
 * The migrated template's key plus every server and package source file and the bundler: what the
 * demo (and the server's bundle) is made by.
 */
function serverCodeKey(): string {
  const hash = createHash('sha256').update(templateKey());
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/\.(ts|json|sql)$/.test(name) && !/\.test\.ts$/.test(name))
        hash.update(p).update(readFileSync(p));
    }
  };
  for (const root of ['apps/server/src', 'packages']) walk(path.join(repoRoot, root));
  hash.update(readFileSync(path.join(repoRoot, 'scripts/bundle-server.mjs')));
  return hash.digest('hex').slice(0, 16);
}

let bundled: Promise<string> | undefined;

/**
 * The server as `npm start` runs it: bundled into one ES module (scripts/bundle-server.mjs), built
 * once for this tree's server code (the bundle of another tree's code is never started) and named by
 * it, so test processes running at once share it. Started through tsx, each test server spent seconds
 * of CPU in tsx's loader.
 */
function serverBundle(): Promise<string> {
  bundled ??= (async () => {
    const dir = path.join(repoRoot, 'apps/server/dist/test');
    const file = path.join(dir, `server-${serverCodeKey()}.mjs`);
    if (existsSync(file)) return file;
    const { bundleServer } = (await import(
      pathToFileURL(path.join(repoRoot, 'scripts/bundle-server.mjs')).href
    )) as {
      bundleServer(outfile: string): Promise<string>;
    };
    const building = `${file}.${process.pid}.mjs`;
    await bundleServer(building);
    renameSync(building, file);
    for (const old of readdirSync(dir))
      if (old !== path.basename(file) && /^server-[0-9a-f]+\.mjs$/.test(old))
        rmSync(path.join(dir, old), { force: true });
    return file;
  })();
  return bundled;
}

async function launch(
  dataDir: string,
  opts: ServerOptions,
  removeOnStop: boolean,
): Promise<TestServer & { stopCleanly(): Promise<boolean> }> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // A test server's own entry (extra handlers) runs from source through tsx; the server itself from
  // its bundle.
  const program = opts.entry
    ? ['--import', 'tsx', opts.entry]
    : ['--enable-source-maps', await serverBundle()];
  const child: ChildProcess = spawn(
    process.execPath,
    [
      // E2E_SERVER_CPU_PROF=<dir> writes the server's CPU profile there when it stops (where a browser
      // test's time goes; NODE_OPTIONS may not carry --cpu-prof).
      ...(process.env.E2E_SERVER_CPU_PROF
        ? ['--cpu-prof', `--cpu-prof-dir=${process.env.E2E_SERVER_CPU_PROF}`]
        : []),
      ...program,
    ],
    {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PHONGDICH_DATA_DIR: dataDir,
        PHONGDICH_DEMO: opts.demo === false ? '0' : '1',
        // Most browser tests' own records use the 2021 codes (Phúc Xá 00001…): they run on that map;
        // e2e/units-2025.test.ts runs on 2025 (a new deployment's default).
        PHONGDICH_UNIT_STRUCTURE: opts.structure ?? '2021',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
        NODE_ENV: 'test',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let exited = false;
  let clean = false;
  child.on('exit', (code, signal) => {
    exited = true;
    clean = code === 0 && signal === null;
  });

  const stopCleanly = async () => {
    if (!exited) {
      const done = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await done;
      clearTimeout(timer);
    }
    return clean;
  };
  const stop = async () => {
    await stopCleanly();
    if (removeOnStop) rmSync(dataDir, { recursive: true, force: true });
  };

  // Seeding the demo takes ~20 s on a quiet 2-core machine and several times that when the
  // machine is loaded; a server that is stuck still fails, with its output, after 5 minutes.
  const startLimitS = 300;
  const deadline = Date.now() + startLimitS * 1000;
  for (;;) {
    if (exited) throw new Error(`server exited during start-up:\n${output}`);
    // The demo accounts are printed just after listen; wait for them too.
    const ready = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready && output.includes('is running')) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`server did not start within ${startLimitS} s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }

  const demoAccounts = parseDemoAccounts(output);
  return {
    url,
    demoAccounts,
    stop,
    stopCleanly,
    demoAccount(role, noteContains) {
      const found = demoAccounts.find(
        (a) => a.role === role && (!noteContains || a.note.includes(noteContains)),
      );
      if (!found) {
        throw new Error(`no demo account for ${role} ${noteContains ?? ''}; printed:\n${output}`);
      }
      return found;
    },
  };
}
