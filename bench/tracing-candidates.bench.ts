/**
 * F1 candidates for one case over a 14-day window (issue #13 §5), with the product's discovery code
 * (modules/tracing findCandidates: the case's own check-ins, the points' parents and children, everyone
 * whose presence overlaps, the household, resolved proximity encounters), on check-ins whose people and
 * venues exist (real foreign keys in persons/venues: the joins and the family lookups read real rows).
 * Reference, same run: the bare index range scans of the same rows — the case's check-ins by
 * (person_id, server_time) and, for each of them, the point's check-ins by (venue_id, server_time) in the
 * same time range, no overlap arithmetic, no venue family, no household. Warm rounds alternate reference
 * and product (order swapped each round); ratio = product p50 ÷ reference p50 (time), median and range.
 * F2 expansion for a cluster of 100 cases: bench/tracing-f2.bench.ts (on this data set).
 * Goal: p95 < 50 ms for one case's F1.
 * Data: persons = rows/20, venues = rows/1000 (a tenth of them stalls of a market), kinds mixed; each
 * person's 20 check-ins are on 16 past days (a pseudo-random day each, 06:00–21:00 Vietnam time), 12 of
 * them at the person's 3 habitual points (market, work, shop: ~150 regulars a point) and 8 at points
 * drawn at random, 60 % with a check-out; daily partitions; generated set-based (generate_series,
 * PostgreSQL's own hashint8extended as the mixer), kept between runs (BENCH_DATA_DIR, or the DATABASE_URL
 * database). Sets generated before this layout (every person's check-ins at one point: `(i * 31) %
 * venues` with 31 × persons ≡ 0 mod venues) must be regenerated in a new folder or database.
 * Before timing, the closed days are vacuumed as the product's daily checkin-vacuum job does (index-only
 * reads need all-visible pages).
 *
 *   BENCH_DATA_DIR=/var/tmp/pd-tracing-10m npx tsx bench/tracing-candidates.bench.ts --rows 10000000
 *   BENCH_PG=throwaway npx tsx bench/tracing-candidates.bench.ts --rows 20000000
 */
import { arg } from './lib/args';
import { benchTarget, openBenchDb } from './lib/bench-db';
import { alternate, fmtSpread, spread } from './lib/rounds';
import { percentile, timeEach } from './lib/stats';
import type { Db } from '../apps/server/src/core/db/db';
import { ensurePartitions } from '../apps/server/src/core/db/partitions';
import { Prng } from '../apps/server/src/demo/prng';
import { bareCandidateScans, generateCheckins } from './lib/checkins-data';
import { VN_2021_TRACING_RULES as RULES } from '@phongdich/domain';
import { vacuumClosedCheckinDays } from '../apps/server/src/modules/checkins/checkins.vacuum';
// A benchmark times the module's own discovery code (bench/ may import module files).
import { findCandidates, type Subject } from '../apps/server/src/modules/tracing/tracing.discovery';

const rows = arg('rows', 10_000_000);
const runs = arg('runs', 200);
const rounds = arg('rounds', 3);
const CHUNK = 1_000_000;
const DAY = 86_400_000;
const SPAN_S = 16 * 86_400;
const persons = Math.max(1, Math.floor(rows / 20));
const venues = Math.max(1, Math.floor(rows / 1000));
const KINDS = ['shop', 'restaurant', 'office', 'market', 'factory', 'school', 'bus_coach', 'hospital'];

const opened = await openBenchDb({ reuse: true });
const db: Db = opened.db;
try {
  await db.exec(
    'create table if not exists bench_tracing_meta (rows bigint primary key, anchor timestamptz)',
  );
  let meta = (
    await db.query<{ anchor: Date }>('select anchor from bench_tracing_meta where rows = $1', [rows])
  )[0];
  if (!meta) {
    const anchor = new Date();
    const t = performance.now();
    // People across 10,000 communes, ~5 to an address; venues of mixed kinds, every tenth a stall.
    for (let from = 0; from < persons; from += CHUNK)
      await db.query(
        `insert into persons (id, full_name, name_folded, birth_year, sex, commune_code, district_code, province_code, street, phones)
         select md5('p' || i)::uuid, 'Nguyễn Văn ' || i, 'nguyen van ' || i, 1950 + i % 60, 'male',
                lpad((i % 10000)::text, 5, '0'), '001', '01', 'Số ' || (i / 10000 % 10), array['09' || lpad(i::text, 8, '0')]
           from generate_series($1::bigint, $2::bigint) i on conflict do nothing`,
        [from, Math.min(persons, from + CHUNK) - 1],
      );
    await db.query(
      `insert into venues (id, kind, name, name_folded, commune_code, district_code, province_code, owner_phone, status, parent_id)
       select md5('v' || i)::uuid, (array['${KINDS.join("','")}'])[1 + i % ${KINDS.length}], 'Điểm ' || i, 'diem ' || i,
              '00001', '001', '01', '0912000000', 'active', null
         from generate_series(0, $1::bigint - 1) i on conflict do nothing`,
      [venues],
    );
    // Every tenth point (i % 10 = 9) is a stall of the market before it (kind index 3 = market when i % 8 = 3).
    await db.query(
      `update venues v set parent_id = md5('v' || (i - (i % 8) + 3 - 8 * ((i % 8 < 3)::int)))::uuid, kind = 'shop'
         from generate_series(0, $1::bigint - 1) i
        where v.id = md5('v' || i)::uuid and i % 10 = 9 and i >= 8`,
      [venues],
    );
    console.log(
      `${persons.toLocaleString('en')} people, ${venues.toLocaleString('en')} venues in ${((performance.now() - t) / 1000).toFixed(0)} s`,
    );
    await ensurePartitions(db, 'checkins', 'day', new Date(anchor.getTime() - 18 * DAY), 21);
    // A non-negative pseudo-random number below n from (x, seed).
    const mix = (x: string, seed: string, n: number) =>
      `((hashint8extended(${x}, ${seed}) % ${n} + ${n}) % ${n})`;
    const p = `(i % ${persons})`;
    const k = `(i / ${persons})`;
    await generateCheckins(db, {
      rows,
      anchor,
      spanSeconds: SPAN_S,
      persons,
      venueIndexSql: `case when ${k} % 5 < 3 then ${mix(p, `${k} % 5`, venues)} else ${mix('i', '7', venues)} end`,
      // Day 1 to 16 before the anchor's day, 06:00–21:00 in Vietnam (UTC+7: 23:00 the day before to 14:00 UTC).
      timeSql: `date_trunc('day', $3::timestamptz at time zone 'UTC') at time zone 'UTC'
        - (1 + ${mix('i', '1', 16)}) * interval '1 day' - interval '1 hour' + ${mix('i', '2', 54_000)} * interval '1 second'`,
      checkouts: true,
      postgres: opened.kind === 'postgresql',
    });
    await db.exec('analyze persons; analyze venues');
    await db.query('insert into bench_tracing_meta (rows, anchor) values ($1, $2)', [rows, anchor]);
    console.log(`generated in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    meta = { anchor };
  }
  // What the product's daily job (checkin-vacuum) has done on a server that has run for a day: the
  // closed days vacuumed, so tracing's index-only reads skip the heap (a no-op once done).
  const tv = performance.now();
  const vacuumed = await vacuumClosedCheckinDays(db);
  console.log(`vacuumed ${vacuumed.length} closed days in ${((performance.now() - tv) / 1000).toFixed(1)} s`);
  const total = (await db.query<{ n: number }>('select count(*)::int8 as n from checkin_ids'))[0]!.n;
  const anchor = meta.anchor.getTime();
  const window = { start: new Date(anchor - 14 * DAY), end: new Date(anchor) };
  const rng = new Prng(11);
  const personId = () =>
    db.query<{ id: string }>(`select md5('p' || $1::text)::uuid::text as id`, [
      Math.floor(rng.next() * persons),
    ]);
  const subjectOf = async (): Promise<Subject> => {
    const id = (await personId())[0]!.id;
    return {
      kind: 'contact',
      id: '00000000-0000-0000-0000-000000000000',
      rootCaseId: '00000000-0000-0000-0000-000000000000',
      personId: id,
      generation: 1,
      window,
      exclude: [],
    };
  };
  const maxStay = RULES.presence.maxStayMinutes * 60_000;
  let found = 0;
  const product = async () => {
    const s = await subjectOf();
    found += (await findCandidates(db, s, RULES)).found.size;
  };
  const reference = async () => {
    const s = await subjectOf();
    await bareCandidateScans(db, s.personId, window.start, window.end, maxStay);
  };
  console.log(
    `tracing candidates on ${opened.where}: ${total.toLocaleString('en')} check-ins, ${venues.toLocaleString('en')} venues, ${persons.toLocaleString('en')} people; ${runs} cases a round`,
  );
  const p95: number[] = [];
  const refP50: number[] = [];
  const { ratios } = await alternate(
    rounds,
    () => timeEach(runs, reference),
    () => timeEach(runs, product),
    (ms) => 1 / percentile(ms, 50),
    (_, ref, prod) => {
      refP50.push(percentile(ref, 50));
      p95.push(percentile(prod, 95));
    },
  );
  // Speeds are 1/latency, so the ratio of speeds is reference ÷ product in time: print product ÷ reference.
  const timeRatio = spread(ratios.map((r) => 1 / r));
  console.log(
    `F1 p95 ${fmtSpread(spread(p95), 1, ' ms')}; reference p50 ${fmtSpread(spread(refP50), 2, ' ms')}; avg ${(found / (runs * rounds)).toFixed(1)} candidates a case`,
  );
  console.log(
    `RESULT tracing-candidates F1 14-day window: product ÷ reference (time) = ${fmtSpread(timeRatio, 2, '×')} over ${rounds} rounds; p95 ${spread(p95).median.toFixed(1)} ms (goal < 50 ms)`,
  );
} finally {
  await db.close();
  (await benchTarget({ reuse: true })).cleanup();
}
