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
  node: unknown;
}
interface NodefsModule {
  NODEFS: {
    stream_ops: { fsync?: (stream: NodefsStream) => number };
    tryFSOperation<T>(f: () => T): T;
    realPath(node: unknown): string;
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
        // A stream without a host descriptor (a folder, in some Emscripten versions) is flushed by
        // path: PostgreSQL flushes folders to make new and renamed files (WAL segments) durable.
        nodefs.stream_ops.fsync = (stream) => {
          nodefs.tryFSOperation(() =>
            stream.nfd !== undefined ? fs.fdatasyncSync(stream.nfd) : flushPath(nodefs.realPath(stream.node)),
          );
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

const FLUSHED_MARKER = 'phongdich-flushed';

/**
 * initdb writes a new data folder without flushing it, and a folder written before flushes were on
 * may hold unflushed pages. The first open flushes every file and folder once (about a second: each
 * flush waits on the disk even when nothing is dirty, so not at every start), then leaves a marker.
 */
export function flushDataDirOnce(dir: string): void {
  const marker = path.join(dir, FLUSHED_MARKER);
  if (fs.existsSync(marker)) return;
  flushTree(dir);
  fs.writeFileSync(marker, 'every file in this folder was flushed to stable storage once\n');
  flushPath(marker);
  flushPath(dir);
}

function flushTree(dir: string): void {
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
