/**
 * The statements one request of each kind of the check-in benchmark's mix costs, with cold caches (a
 * citizen and venue not seen before) and warm (the same again): the per-request waste of issue #11
 * item 1, counted rather than guessed. In-memory PGlite, the bench population, the real app (inject).
 *
 *   npx tsx bench/perf/checkin-queries.ts
 */
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../../apps/server/src/core/db/db';
import { openPglite } from '../../apps/server/src/core/db/pglite';
import { migrate } from '../../apps/server/src/core/db/migrate';
import { loadReferenceData } from '../../apps/server/src/core/db/reference-data';
import { buildTestApp } from '../../apps/server/src/test-support/test-app';
import { SITE_ORIGIN } from '../../apps/server/src/test-support/auth';
import { seedPopulation } from '../lib/population';
import { requestFor, type Kind } from '../lib/requests';

let log: string[] | null = null;
const short = (sql: string) => sql.replace(/\s+/g, ' ').trim().slice(0, 150);
function traced(q: Queryable, tag: string): Queryable {
  return {
    query: (sql, params) => {
      log?.push(`${tag}${short(sql)}`);
      return q.query(sql, params);
    },
    exec: (sql) => {
      log?.push(`${tag}exec ${short(sql)}`);
      return q.exec(sql);
    },
  };
}
const plain = await openPglite();
const db: Db = {
  ...plain,
  ...traced(plain, ''),
  transaction: (fn) => plain.transaction((tx) => fn(traced(tx, '  tx: '))),
  close: () => plain.close(),
};
await migrate(db);
await loadReferenceData(db);
const app = await buildTestApp(db);
const pop = await seedPopulation(db, { citizens: 20, venues: 10 });
// Each kind draws a citizen and venue not drawn before (cold), then the same ones again (warm).
let draw = 0;
const rand = () => draw;
for (const [k, kind] of (['checkin', 'declaration', 'scan'] as Kind[]).entries())
  for (const round of ['cold', 'warm']) {
    draw = (k + 1) / 4;
    const req = requestFor(kind, 'product', pop, rand, 0, randomUUID);
    log = [];
    const res = await app.inject({
      method: 'POST',
      url: req.path,
      headers: { 'content-type': 'application/json', origin: SITE_ORIGIN, cookie: req.cookie },
      payload: req.body,
    });
    await new Promise((r) => setTimeout(r, 50)); // the group commit's timer
    console.log(`\n${kind} (${round}): ${res.statusCode}, ${log.length} statements`);
    for (const l of log) console.log(`  ${l}`);
    log = null;
  }
await app.close();
await db.close();
