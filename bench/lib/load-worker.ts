/**
 * A load-generator process (the benchmarks spawn several, so the client never shares a process or a
 * thread with the server it measures). First stdin line: the population and the mix; then each line
 * `{target, mode, url, seconds, concurrency}` runs a closed loop for `seconds` and answers one JSON line:
 * per request kind, the statuses seen and the latencies of the expected answers.
 *
 *   node --import tsx bench/lib/load-worker.ts        (spawned by bench/lib/load.ts)
 */
import { randomUUID } from 'node:crypto';
import readline from 'node:readline';
import type { Population } from './population';
import { requestFor, type Kind, type Mode } from './requests';

interface Setup {
  population: Population;
  /** The Origin to send; empty: the origin of the URL addressed. */
  origin: string;
  mix: { kind: Kind; weight: number }[];
  batchSize: number;
  seed: number;
}
interface Run {
  mode: Mode;
  urls: string[];
  seconds: number;
  concurrency: number;
}
export interface KindResult {
  ok: number;
  failed: number;
  statuses: Record<string, number>;
  latencies: number[];
}
export interface WorkerResult {
  seconds: number;
  kinds: Record<string, KindResult>;
}

let setup: Setup | undefined;
let seed = 1;
const rand = () => {
  // xorshift: cheap, and each worker draws its own sequence of citizens and venues.
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) / 4294967296;
};

async function run(r: Run): Promise<WorkerResult> {
  const s = setup!;
  const total = s.mix.reduce((a, m) => a + m.weight, 0);
  const pickKind = (): Kind => {
    let x = rand() * total;
    for (const m of s.mix) if ((x -= m.weight) < 0) return m.kind;
    return s.mix.at(-1)!.kind;
  };
  const kinds: Record<string, KindResult> = {};
  const start = performance.now();
  const deadline = start + r.seconds * 1000;
  let n = 0;
  const loop = async () => {
    while (performance.now() < deadline) {
      const kind = pickKind();
      const req = requestFor(kind, r.mode, s.population, rand, s.batchSize, randomUUID);
      const url = r.urls[n++ % r.urls.length]!;
      const k = (kinds[kind] ??= { ok: 0, failed: 0, statuses: {}, latencies: [] });
      const t = performance.now();
      let status = 'error';
      try {
        const res = await fetch(url + req.path, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            origin: s.origin || new URL(url).origin,
            cookie: req.cookie,
          },
          body: req.body,
        });
        await res.arrayBuffer();
        status = String(res.status);
      } catch {
        // A refused or reset connection counts as an error, not a latency.
      }
      k.statuses[status] = (k.statuses[status] ?? 0) + 1;
      if (status === String(req.expect)) {
        k.ok++;
        k.latencies.push(Math.round((performance.now() - t) * 100) / 100);
      } else k.failed++;
    }
  };
  await Promise.all(Array.from({ length: r.concurrency }, loop));
  return { seconds: (performance.now() - start) / 1000, kinds };
}

const lines = readline.createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (!setup) {
    setup = JSON.parse(line) as Setup;
    seed = setup.seed || 1;
    console.log(JSON.stringify({ ready: true }));
    return;
  }
  void run(JSON.parse(line) as Run).then((res) => console.log(JSON.stringify(res)));
});
