#!/usr/bin/env node
// Runs every *.test.ts under packages/, apps/server/, apps/web/src/, e2e/ and bench/ with Node's test runner (tsx loader).
// `--no-e2e` skips the browser tests; any other argument filters files by substring.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const noE2e = args.includes('--no-e2e');
const filters = args.filter((a) => !a.startsWith('--'));
const roots = ['packages', 'apps/server', 'apps/web/src', ...(noE2e ? [] : ['e2e'])];

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
const res = spawnSync(
  process.execPath,
  [
    '--import',
    'tsx',
    '--test',
    '--test-reporter=spec',
    `--test-concurrency=${process.env.TEST_CONCURRENCY ?? 2}`,
    ...files,
  ],
  { stdio: 'inherit' },
);
process.exit(res.status ?? 1);
