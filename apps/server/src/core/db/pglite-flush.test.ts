import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Acknowledged means flushed: the embedded database must flush its WAL to stable storage before a
 * commit's promise resolves. The probe runs under strace, which records every fsync/fdatasync
 * the process makes with the file it was made on; the k-th acknowledgement must come after at least
 * k WAL flushes. (A kill -9 does not test this: the kernel keeps unflushed writes of a dead process.)
 */
const here = path.dirname(fileURLToPath(import.meta.url));
const hasStrace = spawnSync('strace', ['-V']).status === 0;

interface Trace {
  acknowledged: number;
  /** WAL flushes made before each acknowledgement, in order. */
  walFlushesBeforeAck: number[];
  walFlushes: number;
}

function traceProbe(): Trace {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pd-flush-'));
  const traceFile = path.join(tmp, 'trace');
  const markerFile = path.join(tmp, 'ack-marker');
  try {
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-qq',
        '-y',
        '-e',
        'trace=fsync,fdatasync',
        '-o',
        traceFile,
        process.execPath,
        '--import',
        'tsx',
        path.join(here, 'flush-probe/probe.ts'),
        path.join(tmp, 'db'),
        markerFile,
      ],
      { encoding: 'utf8', timeout: 240_000 },
    );
    assert.equal(run.status, 0, run.stderr);
    const { acknowledged } = JSON.parse(run.stdout.trim().split('\n').at(-1)!) as { acknowledged: number };
    const walFlushesBeforeAck: number[] = [];
    let walFlushes = 0;
    for (const line of fs.readFileSync(traceFile, 'utf8').split('\n')) {
      // e.g. `1234 fdatasync(21</tmp/pd-flush-x/db/pg_wal/000000010000000000000001>) = 0`
      const m = /\b(?:fsync|fdatasync)\(\d+<([^>]*)>\)\s+=\s+0$/.exec(line);
      if (!m) continue;
      if (m[1] === markerFile) walFlushesBeforeAck.push(walFlushes);
      else if (/\/pg_wal\/[0-9A-F]{24}$/.test(m[1]!)) walFlushes++;
    }
    return { acknowledged, walFlushesBeforeAck, walFlushes };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

describe('embedded database durability', () => {
  it(
    'flushes the WAL to stable storage before each commit is acknowledged',
    { skip: !hasStrace && 'strace is not installed (.ci/run installs it)', timeout: 300_000 },
    (ctx) => {
      const t = traceProbe();
      ctx.diagnostic(`${t.acknowledged} acknowledged commits, ${t.walFlushes} WAL flushes`);
      assert.equal(t.acknowledged, 40);
      assert.equal(t.walFlushesBeforeAck.length, t.acknowledged, 'every acknowledgement traced');
      t.walFlushesBeforeAck.forEach((flushes, k) =>
        assert.ok(
          flushes >= k + 1,
          `acknowledgement ${k + 1} came after only ${flushes} WAL flushes (${t.walFlushes} in all)`,
        ),
      );
    },
  );
});
