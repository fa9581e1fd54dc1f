import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/**
 * Why this file exists: PGlite starts PostgreSQL with `-F` (fsync off), and even with fsync on, the
 * Emscripten file system it mounts over the data folder (NODEFS) has no `fsync` operation, so
 * PostgreSQL's flush of the WAL at commit reached no disk. A power cut could then lose acknowledged
 * writes. Here PostgreSQL runs with fsync on, WAL flushed with fsync() (which Emscripten routes to the
 * stream's `fsync` operation; its fdatasync() is a no-op stub), and NODEFS gains an `fsync` that calls
 * the host's fdatasync on the real file. PostgreSQL calls it synchronously inside COMMIT, so a
 * transaction's promise resolves only after its WAL is on stable storage: PostgreSQL's own promise.
 */

/** The part of an Emscripten stream and module this file touches. */
interface NodefsStream {
  nfd?: number;
}
interface NodefsModule {
  NODEFS: {
    stream_ops: { fsync?: (stream: NodefsStream) => number };
    tryFSOperation<T>(f: () => T): T;
  };
}

/** NODEFS whose streams flush to stable storage when PostgreSQL asks for it. */
export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const res = await super.init(pg, opts);
    const preRun = res.emscriptenOpts.preRun ?? [];
    res.emscriptenOpts.preRun = [
      ...preRun,
      (mod) => {
        const nodefs = (mod as unknown as NodefsModule).NODEFS;
        // stream_ops is one object shared by every NODEFS node, so this covers files opened later.
        // A failed flush becomes an errno for PostgreSQL, which then refuses the commit (PANIC).
        nodefs.stream_ops.fsync = (stream) => {
          if (stream.nfd !== undefined) nodefs.tryFSOperation(() => fs.fdatasyncSync(stream.nfd!));
          return 0;
        };
      },
    ];
    return res;
  }
}

/**
 * PGlite's start parameters without `-F`, with the WAL flushed by fsync() (the route that reaches
 * DurableNodeFS). checkpoint_flush_after=0: on this platform PostgreSQL's write-back hint would mmap
 * and re-read every flushed range; the checkpoint's own fsync already makes the pages durable.
 */
export function durableStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
    '-c',
    'fsync=on',
    '-c',
    'wal_sync_method=fsync',
    '-c',
    'synchronous_commit=on',
    '-c',
    'checkpoint_flush_after=0',
  ];
}

/**
 * initdb writes a new data folder without flushing it. Flush every file and folder once after
 * creation, so a power cut right after the first start cannot leave a half-written cluster.
 */
export function flushTree(dir: string): void {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) flushTree(p);
    else if (entry.isFile()) flushPath(p);
  }
  flushPath(dir);
}

function flushPath(p: string): void {
  const fd = fs.openSync(p, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
