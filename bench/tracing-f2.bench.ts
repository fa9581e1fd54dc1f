/**
 * F2 expansion for a cluster of 100 cases (issue #13 §5): for each case, its F1 candidates over the
 * 14-day window (modules/tracing findCandidates), then for its 5 highest-scored F1 their own candidates
 * from the end of their exposure until now (the product's expansion window) — 100 F1 searches and up to
 * 500 F2 searches, timed as a whole pass.
 * Reference, same run, same people: the bare index range scans those searches need at the least — each
 * person's check-ins by (person_id, server_time) in their window and, for each check-in, the point's
 * check-ins by (venue_id, server_time) over the longest stay before it to 2 h after; no overlap
 * arithmetic, no venue family, no household. Rounds alternate reference and product (order swapped each
 * round); ratio = product ÷ reference (time), median and range.
 * Data: the tracing-candidates data set (run bench/tracing-candidates.bench.ts first with the same --rows).
 *
 *   BENCH_DATA_DIR=/var/tmp/pd-tracing-10m npx tsx bench/tracing-f2.bench.ts --rows 10000000
 *   DATABASE_URL=postgres://…/tracing10m npx tsx bench/tracing-f2.bench.ts --rows 10000000 --rounds 3
 */
import { arg } from './lib/args';
import { bareCandidateScans } from './lib/checkins-data';
import { benchTarget, openBenchDb } from './lib/bench-db';
import { fmtSpread, spread } from './lib/rounds';
import { VN_2021_TRACING_RULES as RULES, exposureScore, type Evidence } from '@phongdich/domain';
import { Prng } from '../apps/server/src/demo/prng';
import { findCandidates, type Subject } from '../apps/server/src/modules/tracing/tracing.discovery';

const rows = arg('rows', 10_000_000);
const rounds = arg('rounds', 3);
const CASES = arg('cases', 100);
const TOP = 5;
const DAY = 86_400_000;
const persons = Math.max(1, Math.floor(rows / 20));
const maxStay = RULES.presence.maxStayMinutes * 60_000;

const opened = await openBenchDb({ reuse: true });
const db = opened.db;
try {
  const meta = (
    await db
      .query<{ anchor: Date }>('select anchor from bench_tracing_meta where rows = $1', [rows])
      .catch(() => [])
  )[0];
  if (!meta)
    throw new Error(`no ${rows} check-ins: run bench/tracing-candidates.bench.ts --rows ${rows} first`);
  const anchor = meta.anchor.getTime();
  const window = { start: new Date(anchor - 14 * DAY), end: new Date(anchor) };
  const rng = new Prng(99);
  const cases: string[] = [];
  for (let i = 0; i < CASES; i++)
    cases.push(
      (
        await db.query<{ id: string }>(`select md5('p' || $1::text)::uuid::text as id`, [
          Math.floor(rng.next() * persons),
        ])
      )[0]!.id,
    );
  const subject = (personId: string, w = window, exclude: string[] = []): Subject => ({
    kind: 'contact',
    id: '00000000-0000-0000-0000-000000000000',
    rootCaseId: '00000000-0000-0000-0000-000000000000',
    personId,
    generation: 1,
    window: w,
    exclude,
  });
  // The searches the product made, so the reference reads the same people over the same windows.
  const searched: { personId: string; start: Date }[] = [];
  let f1s = 0;
  let f2s = 0;
  const product = async () => {
    searched.length = 0;
    f1s = f2s = 0;
    for (const personId of cases) {
      searched.push({ personId, start: window.start });
      const { found: f1 } = await findCandidates(db, subject(personId), RULES);
      f1s += f1.size;
      const top = [...f1]
        .map(([id, ev]) => ({ id, ev, score: exposureScore(ev, RULES) }))
        .sort((a, b) => b.score - a.score)
        .slice(0, TOP);
      for (const c of top) {
        const start = lastEnd(c.ev) ?? window.start;
        searched.push({ personId: c.id, start });
        const w = { start, end: window.end > start ? window.end : start };
        f2s += (await findCandidates(db, subject(c.id, w, [personId, ...f1.keys()]), RULES)).found.size;
      }
    }
  };
  const reference = async () => {
    for (const s of searched) await bareCandidateScans(db, s.personId, s.start, window.end, maxStay);
  };
  const time = async (f: () => Promise<void>) => {
    const t = performance.now();
    await f();
    return (performance.now() - t) / 1000;
  };
  console.log(
    `tracing F2 expansion on ${opened.where}: ${rows.toLocaleString('en')} check-ins; ${CASES} cases, top ${TOP} F1 each`,
  );
  await product(); // warm-up, and the searches the reference repeats
  const prod: number[] = [];
  const ref: number[] = [];
  const ratios: number[] = [];
  for (let r = 0; r < rounds; r++) {
    let p: number;
    let q: number;
    if (r % 2 === 0) {
      q = await time(reference);
      p = await time(product);
    } else {
      p = await time(product);
      q = await time(reference);
    }
    prod.push(p);
    ref.push(q);
    ratios.push(p / q);
    console.log(`round ${r + 1}: product ${p.toFixed(1)} s, reference ${q.toFixed(1)} s`);
  }
  console.log(
    `RESULT tracing-f2 cluster of ${CASES} cases: product ${fmtSpread(spread(prod), 1, ' s')}; reference ${fmtSpread(spread(ref), 1, ' s')}; product ÷ reference (time) = ${fmtSpread(spread(ratios), 2, '×')} over ${rounds} rounds (${f1s} F1, ${f2s} F2 candidates, ${searched.length} searches)`,
  );
} finally {
  await db.close();
  (await benchTarget({ reuse: true })).cleanup();
}

function lastEnd(ev: Evidence[]): Date | null {
  let t = 0;
  for (const e of ev) if (e.kind === 'checkin') t = Math.max(t, Date.parse(e.to));
  return t ? new Date(t) : null;
}
