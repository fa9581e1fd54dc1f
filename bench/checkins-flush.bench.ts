/**
 * Flushes per acknowledged check-in commit on the embedded default: the check-in server runs in a
 * child process under strace, which records every fsync/fdatasync with its file and time; the
 * closed-loop HTTP load is timed, and the WAL flushes inside that window are divided by the group
 * commits made in it (goal ≥ 1: every group commit flushed before its check-ins are acknowledged).
 *
 *   npx tsx bench/checkins-flush.bench.ts [--requests 5000] [--concurrency 64] [--seconds 60]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startChildServer } from './lib/child-server';
import { line, runLoad } from './lib/checkins-setup';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('requests', 5000);
const concurrency = arg('concurrency', 64);
const maxSeconds = arg('seconds', 60);

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-flush-bench-'));
const traceFile = path.join(tmp, 'trace');
const strace = ['strace', '-f', '-qq', '-y', '-ttt', '-e', 'trace=fsync,fdatasync', '-o', traceFile];
const server = await startChildServer(path.join(tmp, 'db'), strace);
try {
  const headers = { 'content-type': 'application/json', cookie: server.cookie };
  const send = (i: number) =>
    fetch(`${server.url}/api/checkins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id: randomUUID(),
        venueToken: server.tokens[i % server.tokens.length],
        deviceTime: new Date().toISOString(),
      }),
    });
  const opts = { total, concurrency, maxSeconds, expect: 201 };
  await runLoad(send, { ...opts, total: 500 }); // warm-up
  const commitsBefore = await server.commits();
  const from = Date.now() / 1000;
  const load = await runLoad(send, opts);
  const to = Date.now() / 1000;
  const commits = (await server.commits()) - commitsBefore;
  await server.stop();

  let walFlushes = 0;
  for (const l of fs.readFileSync(traceFile, 'utf8').split('\n')) {
    // `<pid> <epoch seconds> fdatasync(<fd></…/pg_wal/<segment>>) = 0`
    const m = /^\d+\s+([\d.]+)\s+(?:fsync|fdatasync)\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>\)\s+=\s+0$/.exec(l);
    if (m && Number(m[1]) >= from && Number(m[1]) <= to) walFlushes++;
  }
  console.log(`check-ins over HTTP on the embedded default under strace, concurrency ${concurrency}`);
  console.log(line('POST /api/checkins (durable)', load));
  console.log(
    `${load.ok} acknowledged check-ins in ${commits} group commits; ${walFlushes} WAL flushes: ` +
      `${(walFlushes / Math.max(1, commits)).toFixed(2)} per commit (goal ≥ 1)`,
  );
} finally {
  await server.stop(); // again after an error: ends the child
  fs.rmSync(tmp, { recursive: true, force: true });
}
