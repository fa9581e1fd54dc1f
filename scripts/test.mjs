#!/usr/bin/env node
// Runs every *.test.ts under packages/, apps/server/, apps/web/src/ and e2e/ with Node's test runner
// (tsx loader). `--no-e2e` skips the browser tests; any other argument filters files by substring.
//
// Files run TEST_CONCURRENCY at a time (default 2), each in its own process, longest first (by the
// last run's times, kept in the temp folder, else scripts/test-times.json), so the run does not end
// on one long file while the other core idles. The unit tests (no database, no browser) run together
// in one process: starting Node and tsx for each of them cost more than most of them take. The other
// files run bundled (scripts/bundle-server.mjs, one esbuild build of them all at the start; TEST_BUNDLE=0
// runs them through tsx): loading the server's modules through tsx's loader cost each process ~3 s of
// CPU. Each file's output is printed whole when it ends; the run ends with the failures and the 20
// slowest files.
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const filters = args.filter((a) => !a.startsWith('--'));
const roots = ['packages', 'apps/server', 'apps/web/src', ...(noE2e ? [] : ['e2e'])];
const concurrency = Math.max(1, Number(process.env.TEST_CONCURRENCY ?? 2));
const here = fileURLToPath(new URL('.', import.meta.url));
const timesFile = join(tmpdir(), 'phongdich-test-times.json');
const BATCH = 'unit tests (one process)';

function walk(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.test\.tsx?$/.test(name)) out.push(p);
  }
  return out;
}

const files = roots
  .flatMap((r) => walk(r, []))
  .filter((f) => !filters.length || filters.some((s) => f.includes(s)));
if (!files.length) {
  console.error('no test files found');
  process.exit(1);
}

/**
 * A unit test opens no database, starts no server or browser and spawns nothing, so it can share a
 * process with the others; anything else keeps a process of its own.
 */
function isUnit(file) {
  if (file.startsWith('e2e/') || /\.db\.test\./.test(file)) return false;
  const src = readFileSync(file, 'utf8');
  return !/dbTargets|openPglite|openPostgres|startServer|child_process|playwright/.test(src);
}

const readTimes = (file) => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
};
const known = { ...readTimes(join(here, 'test-times.json')), ...readTimes(timesFile) };
const guess = (job) =>
  known[job.name] ?? (job.name.startsWith('e2e/') ? 60 : /\.db\./.test(job.name) ? 20 : 5);

const units = files.filter(isUnit);
const own = files.filter((f) => !units.includes(f));
const bundleDir = join(here, '..', 'apps/server/dist/test-bundles', String(process.pid));
let bundles = new Map();
if (process.env.TEST_BUNDLE !== '0' && own.length) {
  const t = Date.now();
  const { bundleTests } = await import('./bundle-server.mjs');
  bundles = await bundleTests(own, bundleDir);
  console.log(`${own.length} test files bundled in ${((Date.now() - t) / 1000).toFixed(1)} s`);
}
const jobs = own.map((f) => ({
  name: f,
  argv: bundles.has(f)
    ? ['--enable-source-maps', '--test', '--test-reporter=spec', bundles.get(f)]
    : ['--import', 'tsx', '--test', '--test-reporter=spec', f],
}));
if (units.length > 1)
  jobs.push({
    name: BATCH,
    argv: ['--import', 'tsx', '--test-reporter=spec', join(here, 'test-batch.mjs'), ...units],
  });
else
  for (const f of units)
    jobs.push({ name: f, argv: ['--import', 'tsx', '--test', '--test-reporter=spec', f] });
jobs.sort((a, b) => guess(b) - guess(a));

const started = Date.now();
// The longest file takes about two minutes on a loaded 2-core machine; ten is a hang.
const FILE_LIMIT_S = Number(process.env.TEST_FILE_LIMIT_S ?? 600);
const results = [];

function run(job) {
  return new Promise((resolve) => {
    const t0 = Date.now();
    // Its own process group, so a file that hangs (a browser left open keeps its event loop alive)
    // is ended with everything it started, and reported, instead of holding the whole run.
    const child = spawn(process.execPath, job.argv, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const timer = setTimeout(() => {
      out.push(Buffer.from(`\n(still running after ${FILE_LIMIT_S} s: ended)\n`));
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }, FILE_LIMIT_S * 1000);
    const out = [];
    child.stdout.on('data', (d) => out.push(d));
    child.stderr.on('data', (d) => out.push(d));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const seconds = (Date.now() - t0) / 1000;
      const ok = code === 0;
      const label = job.name === BATCH ? `${BATCH}: ${units.length} files` : job.name;
      process.stdout.write(`\n── ${ok ? '✔' : '✖'} ${label} (${seconds.toFixed(1)} s)\n`);
      process.stdout.write(Buffer.concat(out));
      if (!ok && signal) process.stdout.write(`(ended by ${signal})\n`);
      results.push({
        name: job.name,
        seconds,
        ok,
        detail: ok ? '' : failureDetail(Buffer.concat(out).toString()),
      });
      resolve();
    });
  });
}

/**
 * What failed, for the summary at the end: the spec reporter's own "failing tests" section (else the
 * output's last lines), at most 60 lines. A CI log shows only its tail, and a failure named without
 * its assertion cannot be told from a flake.
 */
function failureDetail(text) {
  const at = text.lastIndexOf('failing tests:');
  const lines = (at >= 0 ? text.slice(at) : text).trimEnd().split('\n');
  return (at >= 0 ? lines.slice(0, 60) : lines.slice(-60)).map((l) => `    ${l}`).join('\n');
}

const queue = [...jobs];
await Promise.all(
  Array.from({ length: Math.min(concurrency, queue.length) }, async () => {
    for (let job = queue.shift(); job; job = queue.shift()) await run(job);
  }),
);

rmSync(bundleDir, { recursive: true, force: true });
const failed = results.filter((r) => !r.ok);
const slowest = [...results].sort((a, b) => b.seconds - a.seconds).slice(0, 20);
console.log(
  `\n${results.length} processes for ${files.length} files in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log('slowest files:');
for (const r of slowest) console.log(`  ${r.seconds.toFixed(1).padStart(7)} s  ${r.name}`);
if (failed.length) {
  console.log(`\n✖ ${failed.length} failed:`);
  for (const r of failed) console.log(`  ${r.name}\n${r.detail}`);
}

// The next run starts with the files that took longest in this one.
const times = { ...readTimes(timesFile) };
for (const r of results) times[r.name] = Math.round(r.seconds * 10) / 10;
const tmp = `${timesFile}.${process.pid}`;
writeFileSync(tmp, JSON.stringify(times, null, 1));
renameSync(tmp, timesFile);

process.exit(failed.length ? 1 : 0);
