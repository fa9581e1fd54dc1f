#!/usr/bin/env node
// Bundles the server (apps/server/src/main.ts and the workspace packages it imports) into one ES module,
// apps/server/dist/server.mjs, that Node runs without a TypeScript loader. Started through tsx, the
// server resolved and compiled some 400 modules through tsx's loader thread at every start: ~2.7 s of
// CPU more than the bundle on this 2-core machine, paid by every `npm start` and by every browser
// test's server. npm packages stay outside the bundle (Node loads them from node_modules as usual).
// scripts/test.mjs bundles the test files the same way (bundleTests).
//
//   node scripts/bundle-server.mjs [outfile]
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SERVER_BUNDLE = path.join(repoRoot, 'apps/server/dist/server.mjs');

/** Is a package specifier left to Node (an npm package) or bundled (a workspace package's source)? */
function external(spec) {
  if (spec.startsWith('node:')) return true;
  if (spec.startsWith('@phongdich/')) return false;
  const root = spec
    .split('/')
    .slice(0, spec.startsWith('@') ? 2 : 1)
    .join('/');
  if (root === spec) return true;
  // A subpath: Node's ES module resolver finds it only through the package's "exports"; a package
  // without them (ajv/dist/2020) is resolved by esbuild and its file bundled.
  const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'node_modules', root, 'package.json'), 'utf8'));
  return Boolean(pkg.exports);
}

/**
 * The build both bundles share: Node 20 ES modules, npm packages left to Node, workspace TypeScript
 * bundled, each module keeping its own import.meta.url.
 */
function options() {
  return {
    absWorkingDir: repoRoot,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // Stack traces name the TypeScript sources (run with --enable-source-maps).
    sourcemap: 'inline',
    logLevel: 'warning',
    // Bundled CommonJS code (ajv's subpaths) calls require().
    banner: {
      js: "import { createRequire as __pdRequire } from 'node:module'; const require = __pdRequire(import.meta.url);",
    },
    plugins: [
      {
        name: 'phongdich-node',
        setup(b) {
          b.onResolve({ filter: /^[^./]/ }, (a) =>
            external(a.path) ? { path: a.path, external: true } : undefined,
          );
          // Modules find their data (migrations, fonts, administrative units) next to their own source
          // file: each keeps its own import.meta.url, not the bundle's.
          b.onLoad({ filter: /\.tsx?$/ }, async (a) => ({
            contents: (await readFile(a.path, 'utf8')).replaceAll(
              'import.meta.url',
              JSON.stringify(pathToFileURL(a.path).href),
            ),
            loader: a.path.endsWith('x') ? 'tsx' : 'ts',
          }));
        },
      },
    ],
  };
}

/** Writes the server's bundle to `outfile` (default SERVER_BUNDLE); the entry is a path from the repo root. */
export async function bundleServer(outfile = SERVER_BUNDLE, entry = 'apps/server/src/main.ts') {
  await build({ ...options(), entryPoints: [entry], outfile });
  return outfile;
}

/**
 * Bundles test files (paths from the repo root) into `outdir` in one build, code they share split into
 * common chunks; returns each file's bundle. scripts/test.mjs runs them so: every test file's process
 * loaded the server's modules through tsx's loader, seconds of CPU each.
 */
export async function bundleTests(files, outdir) {
  await build({
    ...options(),
    entryPoints: files,
    outdir,
    outbase: repoRoot,
    splitting: true,
    chunkNames: 'chunks/[name]-[hash]',
    outExtension: { '.js': '.mjs' },
  });
  return new Map(files.map((f) => [f, path.join(outdir, f.replace(/\.tsx?$/, '.mjs'))]));
}

if (process.argv[1] && pathToFileURL(process.argv[1]).href === import.meta.url) {
  const t = performance.now();
  const out = await bundleServer(process.argv[2] ? path.resolve(process.argv[2]) : SERVER_BUNDLE);
  console.log(`server bundled in ${Math.round(performance.now() - t)} ms: ${path.relative(repoRoot, out)}`);
}
