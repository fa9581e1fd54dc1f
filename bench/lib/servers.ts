/**
 * Processes for the HTTP benchmarks: the product (the real `apps/server/src/main.ts`, configured by
 * environment as in production, logging at its default level to /dev/null), the bare reference server,
 * a load balancer, and load-generator workers. Each runs in its own process; stop() ends only it.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { Kind } from './requests';
import type { Population } from './population';
import type { KindResult, WorkerResult } from './load-worker';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const tsx = ['--import', 'tsx'];

export interface Proc {
  url: string;
  stop(): Promise<void>;
}

function lineReader(child: ChildProcess) {
  const replies: ((line: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  readline.createInterface({ input: child.stdout! }).on('line', (l) => replies.shift()?.(l));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      replies.push(resolve);
      void exited.then(() => reject(new Error('child process exited')));
    });
  return { next, exited };
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

/** The product server on `dataDir` (PGlite) or DATABASE_URL; answers once GET /api/health is 200. */
export async function startProduct(opts: { dataDir: string; publicUrl?: string }): Promise<Proc> {
  const port = await freePort();
  const heads = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-heads-'));
  // BENCH_CPU_PROF=<dir>: the product writes a V8 CPU profile there when it stops (the profile of #11).
  const prof = process.env.BENCH_CPU_PROF
    ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`]
    : [];
  const child = spawn(process.execPath, [...prof, ...tsx, path.join(root, 'apps/server/src/main.ts')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: opts.publicUrl ?? `http://127.0.0.1:${port}`,
      PHONGDICH_DEMO: '0',
      PHONGDICH_DATA_DIR: opts.dataDir,
      PHONGDICH_AUDIT_HEADS_DIR: heads,
    },
  });
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error('product server exited during start-up');
    try {
      const res = await fetch(`${url}/api/health`);
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error('product server did not start');
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      fs.rmSync(heads, { recursive: true, force: true });
    },
  };
}

async function startScript(script: string, args: string[]): Promise<Proc> {
  const child = spawn(process.execPath, [...tsx, path.join(here, script), ...args], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const { next, exited } = lineReader(child);
  const { url } = JSON.parse(await next()) as { url: string };
  return {
    url,
    async stop() {
      child.stdin!.end();
      await exited;
    },
  };
}

/** The bare reference server; on PGlite in its own folder (one process per PGlite folder). */
export async function startReference(): Promise<Proc> {
  const dir = process.env.DATABASE_URL ? '' : fs.mkdtempSync(path.join(os.tmpdir(), 'pd-bench-ref-'));
  const proc = await startScript('reference-server.ts', [dir]);
  return {
    url: proc.url,
    async stop() {
      await proc.stop();
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export const startBalancer = (backends: string[]) => startScript('balancer.ts', backends);

export interface Endpoint {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
}
export interface LoadRound {
  seconds: number;
  perSecond: number;
  ok: number;
  failed: number;
  p99: number;
  kinds: Record<string, Endpoint>;
}

const pct = (s: number[], p: number) =>
  s.length ? s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]! : NaN;

/** Load-generator processes, kept alive (and warm) across rounds. */
export async function startWorkers(
  count: number,
  setup: {
    population: Population;
    origin: string;
    mix: { kind: Kind; weight: number }[];
    batchSize: number;
  },
) {
  const workers = await Promise.all(
    Array.from({ length: count }, async (_, w) => {
      const child = spawn(process.execPath, [...tsx, path.join(here, 'load-worker.ts')], {
        cwd: root,
        stdio: ['pipe', 'pipe', 'inherit'],
      });
      const io = lineReader(child);
      const ready = io.next();
      child.stdin!.write(JSON.stringify({ ...setup, seed: 7919 * (w + 1) }) + '\n');
      await ready;
      return { child, ...io };
    }),
  );
  return {
    /** All workers at once against `urls` for `seconds`, `concurrency` requests in flight each. */
    async run(
      mode: 'product' | 'reference',
      urls: string[],
      seconds: number,
      concurrency: number,
    ): Promise<LoadRound> {
      const results = await Promise.all(
        workers.map(async (w) => {
          const reply = w.next();
          w.child.stdin!.write(JSON.stringify({ mode, urls, seconds, concurrency }) + '\n');
          return JSON.parse(await reply) as WorkerResult;
        }),
      );
      const seconds_ = Math.max(...results.map((r) => r.seconds));
      const merged: Record<string, KindResult> = {};
      for (const r of results)
        for (const [kind, k] of Object.entries(r.kinds)) {
          const m = (merged[kind] ??= { ok: 0, failed: 0, statuses: {}, latencies: [] });
          m.ok += k.ok;
          m.failed += k.failed;
          for (const [s, n] of Object.entries(k.statuses)) m.statuses[s] = (m.statuses[s] ?? 0) + n;
          for (const l of k.latencies) m.latencies.push(l);
        }
      const kinds: Record<string, Endpoint> = {};
      const all: number[] = [];
      for (const [kind, m] of Object.entries(merged)) {
        m.latencies.sort((a, b) => a - b);
        for (const l of m.latencies) all.push(l);
        kinds[kind] = {
          ok: m.ok,
          failed: m.failed,
          statuses: m.statuses,
          perSecond: m.ok / seconds_,
          p50: pct(m.latencies, 50),
          p95: pct(m.latencies, 95),
          p99: pct(m.latencies, 99),
        };
      }
      all.sort((a, b) => a - b);
      const ok = Object.values(kinds).reduce((a, k) => a + k.ok, 0);
      const failed = Object.values(kinds).reduce((a, k) => a + k.failed, 0);
      return { seconds: seconds_, perSecond: ok / seconds_, ok, failed, p99: pct(all, 99), kinds };
    },
    async stop() {
      await Promise.all(
        workers.map((w) => {
          w.child.stdin!.end();
          if (w.child.exitCode === null) w.child.kill('SIGTERM');
          return w.exited;
        }),
      );
    },
  };
}

export function roundLines(label: string, r: LoadRound): string[] {
  const out = [
    `${label.padEnd(22)} ${r.perSecond.toFixed(0).padStart(6)} req/s  p99=${r.p99.toFixed(1)} ms  ok=${r.ok} errors=${r.failed} (${r.seconds.toFixed(1)} s)`,
  ];
  for (const [kind, k] of Object.entries(r.kinds).sort()) {
    const bad = Object.entries(k.statuses)
      .filter(([s]) => !['200', '201'].includes(s))
      .map(([s, n]) => `${s}×${n}`)
      .join(' ');
    out.push(
      `  ${kind.padEnd(12)} ${k.perSecond.toFixed(0).padStart(6)} /s  p50=${k.p50.toFixed(1).padStart(6)}  p95=${k.p95
        .toFixed(1)
        .padStart(6)}  p99=${k.p99.toFixed(1).padStart(6)} ms  ok=${k.ok}${bad ? `  errors: ${bad}` : ''}`,
    );
  }
  return out;
}
