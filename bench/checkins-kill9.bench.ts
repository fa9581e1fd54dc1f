/**
 * kill -9 under check-in load loses no acknowledged check-in: the check-in server (embedded default)
 * runs in a child process; a closed-loop HTTP load records the id of every 201; after a random
 * number of acknowledgements the child is killed with SIGKILL mid-load. The data folder is then
 * reopened (crash recovery) and every acknowledged id must be there. Repeated `--rounds` times on
 * the same folder, so each round also recovers from the previous crash.
 *
 *   npx tsx bench/checkins-kill9.bench.ts [--rounds 3] [--concurrency 64]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../apps/server/src/core/db/open';
import { startChildServer } from './lib/child-server';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rounds = arg('rounds', 3);
const concurrency = arg('concurrency', 64);
const maxSeconds = 120;

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-kill9-'));
let lostInAll = 0;
try {
  for (let round = 1; round <= rounds; round++) {
    const server = await startChildServer(dataDir);
    const killAfter = 1000 + Math.floor(Math.random() * 2000);
    const acknowledged: string[] = [];
    let killed = false;
    const deadline = performance.now() + maxSeconds * 1000;
    const worker = async (w: number) => {
      for (let i = w; !killed && performance.now() < deadline; i += concurrency) {
        const id = randomUUID();
        try {
          const res = await fetch(`${server.url}/api/checkins`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie: server.cookie },
            body: JSON.stringify({
              id,
              venueToken: server.tokens[i % server.tokens.length],
              deviceTime: new Date().toISOString(),
            }),
          });
          await res.arrayBuffer();
          if (res.status === 201) acknowledged.push(id);
        } catch {
          // The connection died with the server: not acknowledged.
        }
        if (!killed && acknowledged.length >= killAfter) {
          killed = true;
          server.child.kill('SIGKILL');
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
    await server.exited;

    const db = await openDatabase({ databaseUrl: undefined, dataDir });
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
    console.log(
      `round ${round}: killed -9 after ${acknowledged.length} acknowledged check-ins; ` +
        `after recovery ${found.size} of them found, ${lost} lost`,
    );
  }
  console.log(lostInAll === 0 ? 'no acknowledged check-in lost' : `${lostInAll} acknowledged check-ins LOST`);
} finally {
  fs.rmSync(dataDir, { recursive: true, force: true });
}
process.exitCode = lostInAll === 0 ? 0 : 1;
