/**
 * Where one F1 candidate search spends its time: every query findCandidates sends, timed, for `--cases`
 * random people of the tracing benchmark's data set (bench/tracing-candidates.bench.ts, which must have
 * generated it), with the median planning and execution times PostgreSQL reports for them (EXPLAIN
 * ANALYZE right after, warm), then EXPLAIN (ANALYZE, BUFFERS) of each query of the last case.
 *
 *   DATABASE_URL=postgres://…/tracing10m npx tsx bench/perf/tracing-candidates-explain.ts --rows 10000000 --cases 20
 *   BENCH_DATA_DIR=/var/tmp/pd-tracing-10m npx tsx bench/perf/tracing-candidates-explain.ts --rows 10000000
 */
import { arg } from '../lib/args';
import { benchTarget, openBenchDb } from '../lib/bench-db';
import type { Param, Queryable } from '../../apps/server/src/core/db/db';
import { Prng } from '../../apps/server/src/demo/prng';
import { VN_2021_TRACING_RULES as RULES } from '@phongdich/domain';
import { vacuumClosedCheckinDays } from '../../apps/server/src/modules/checkins/checkins.vacuum';
import { findCandidates } from '../../apps/server/src/modules/tracing/tracing.discovery';

const rows = arg('rows', 10_000_000);
const cases = arg('cases', 20);
const DAY = 86_400_000;
const opened = await openBenchDb({ reuse: true });
const db = opened.db;
try {
  const meta = (
    await db.query<{ anchor: Date }>('select anchor from bench_tracing_meta where rows = $1', [rows])
  )[0];
  if (!meta) throw new Error(`no data set of ${rows} rows: run bench/tracing-candidates.bench.ts first`);
  await vacuumClosedCheckinDays(db); // as the product's daily job and the benchmark do
  const persons = Math.max(1, Math.floor(rows / 20));
  const window = { start: new Date(meta.anchor.getTime() - 14 * DAY), end: meta.anchor };
  const rng = new Prng(11);
  const times = new Map<string, number[]>();
  const planning = new Map<string, number[]>();
  const execution = new Map<string, number[]>();
  let last: { sql: string; params: readonly Param[] | undefined }[] = [];
  const spy: Queryable = {
    async query<T>(sql: string, params?: readonly Param[]) {
      last.push({ sql, params });
      const t = performance.now();
      const r = await db.query<T>(sql, params);
      const key = sql.replace(/\s+/g, ' ').slice(0, 70);
      times.set(key, [...(times.get(key) ?? []), performance.now() - t]);
      return r;
    },
    exec: (sql) => db.exec(sql),
  };
  for (let i = 0; i < cases; i++) {
    last = [];
    const personId = (
      await db.query<{ id: string }>(`select md5('p' || $1::text)::uuid::text as id`, [
        Math.floor(rng.next() * persons),
      ])
    )[0]!.id;
    const z = '00000000-0000-0000-0000-000000000000';
    await findCandidates(
      spy,
      { kind: 'contact', id: z, rootCaseId: z, personId, generation: 1, window, exclude: [] },
      RULES,
    );
    // The same queries again under EXPLAIN ANALYZE (warm now): what planning and execution take.
    for (const { sql, params } of last) {
      const key = sql.replace(/\s+/g, ' ').slice(0, 70);
      const [row] = await db.query<{ 'QUERY PLAN': [{ 'Planning Time': number; 'Execution Time': number }] }>(
        `explain (analyze, format json) ${sql}`,
        params,
      );
      const plan = row!['QUERY PLAN'][0];
      planning.set(key, [...(planning.get(key) ?? []), plan['Planning Time']]);
      execution.set(key, [...(execution.get(key) ?? []), plan['Execution Time']]);
    }
  }
  const median = (xs: number[] = []) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  console.log(opened.where);
  for (const [key, ms] of times) {
    const s = [...ms].sort((a, b) => a - b);
    console.log(
      `${s[Math.floor(s.length / 2)]!.toFixed(2).padStart(8)} ms median, max ${s.at(-1)!.toFixed(2).padStart(8)}, ${s.length}×; ` +
        `warm EXPLAIN: planning ${median(planning.get(key)).toFixed(2)} ms, execution ${median(execution.get(key)).toFixed(2)} ms  ${key}`,
    );
  }
  for (const { sql, params } of last) {
    const plan = await db.query<{ 'QUERY PLAN': string }>(`explain (analyze, buffers) ${sql}`, params);
    console.log(
      `\n${sql.replace(/\s+/g, ' ').slice(0, 120)}\n${plan.map((r) => r['QUERY PLAN']).join('\n')}`,
    );
  }
} finally {
  await db.close();
  (await benchTarget({ reuse: true })).cleanup();
}
