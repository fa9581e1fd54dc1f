/**
 * EXPLAIN ANALYZE of the words search query the repository builds (the statistics queries it runs
 * first go to the database as usual).
 *
 *   DATABASE_URL=postgres://…/perf_people_1m npx tsx bench/perf/people-words-explain.ts "van an" [unit code]
 */
import { openBenchDb } from '../lib/bench-db';
import { searchPersons } from '../../apps/server/src/modules/people/people.search.repository';
import { jurisdictionSql } from '../../apps/server/src/core/auth/jurisdiction';
const { db } = await openBenchDb();
const q = process.argv[2] ?? 'van an';
const unit = process.argv[3] || null;
const cap = { sql: '', params: [] as unknown[] };
const spy = {
  query: async (sql: string, params: unknown[]) => {
    if (!sql.startsWith('select p.*')) return db.query(sql, params as never);
    cap.sql = sql;
    cap.params = params;
    return [];
  },
};
await searchPersons(spy as never, {
  nameFolded: q,
  nameMode: 'words',
  limit: 21,
  jurisdiction: (a, i) =>
    jurisdictionSql(
      {
        kind: 'staff',
        accountId: 'x',
        role: 'province_officer',
        unitCode: unit,
        facilityId: null,
        displayName: 'x',
      } as never,
      a,
      i,
    ),
});
for (let i = 0; i < 2; i++) {
  const t = performance.now();
  const rows = await db.query<{ 'QUERY PLAN': string }>(
    `explain (analyze, buffers) ${cap.sql}`,
    cap.params as never,
  );
  if (i === 1) console.log(rows.map((r) => r['QUERY PLAN']).join('\n'));
  console.log(performance.now() - t);
}
await db.close();
