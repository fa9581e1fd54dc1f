/**
 * The release fuzz run: many requests generated from the served OpenAPI document against a fresh
 * database (PGlite, or PostgreSQL when DATABASE_URL is set), as anonymous and each demo role.
 *   npm run fuzz -- --requests 100000 [--seed 1] [--log]
 * Exits 1 on any 5xx or error body outside the error format.
 */
import { parseArgs } from 'node:util';
import { dbTargets } from '../apps/server/src/test-support/test-db';
import { buildTestApp } from '../apps/server/src/test-support/test-app';
import { runFuzz } from '../apps/server/src/fuzz/fuzz-run';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '' },
    // Server error lines (no request data) to find a 5xx's cause.
    log: { type: 'boolean', default: false },
  },
});
const requests = Number(values.requests);
const seed = values.seed ? Number(values.seed) : Date.now() % 1_000_000;
const target = dbTargets().at(-1)!;
const db = await target.open();
const app = await buildTestApp(db, values.log ? { logLevel: 'error' } : {});
const started = Date.now();
console.log(`fuzz: ${requests} requests on ${target.name}, seed ${seed}`);
const report = await runFuzz(app, db, {
  requests,
  seed,
  onProgress: (done) => console.log(`  ${done} requests, ${Math.round((Date.now() - started) / 1000)} s`),
});
await app.close();
await db.close();
const seen = new Map<string, { count: number; example: (typeof report.findings)[number] }>();
for (const f of report.findings) {
  const key = `${f.operation} ${f.status} ${f.problem}`;
  const s = seen.get(key);
  if (s) s.count++;
  else seen.set(key, { count: 1, example: f });
}
for (const [key, { count, example }] of seen)
  console.log(`${count}× ${key}\n   as ${example.actor}: ${example.body}`);
console.log(
  JSON.stringify({
    database: target.name,
    seed,
    requests: report.requests,
    operations: report.operations,
    actors: report.actors,
    status5xx: report.status5xx,
    findings: report.findings.length,
    byStatus: report.byStatus,
    seconds: Math.round((Date.now() - started) / 1000),
  }),
);
process.exit(report.findings.length ? 1 : 0);
