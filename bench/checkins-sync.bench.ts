/**
 * Offline sync at scale: `--rows` queued check-ins sent through POST /api/checkins/batch (1000 per request,
 * `--parallel` requests in flight, over loopback; each item verified — session, venue token, rules — and
 * written exactly once through the group commit, audited) to the real app listening in this process.
 * Reference: the repository's own multi-row insert of the same number of rows (`insertCheckins`: check-in
 * ids and check-ins, with the same audit entry per statement), 1000 rows per transaction, the same
 * real venue ids and person, in the same run — the durable writes without HTTP and checks.
 * Both warmed first; rounds alternate reference and product (order swapped each round).
 * Goal (issue #11): product ÷ reference ≥ 0.8×.
 *
 *   npx tsx bench/checkins-sync.bench.ts [--rows 100000] [--parallel 4] [--rounds 3]
 *   BENCH_PG=throwaway npx tsx bench/checkins-sync.bench.ts      (PostgreSQL with fsync on)
 */
import { randomUUID } from 'node:crypto';
import { arg } from './lib/args';
import { openBenchDb } from './lib/bench-db';
import { checkinApp } from './lib/checkins-setup';
import { alternate, ratioLine } from './lib/rounds';
import { insertCheckins } from '../apps/server/src/modules/checkins/checkins.repository';
import type { NewCheckin } from '../apps/server/src/modules/checkins/checkins.types';

const rows = arg('rows', 100_000);
const parallel = arg('parallel', 4);
const rounds = arg('rounds', 3);
const BATCH = 1000;
const HOUR = 3_600_000;

const { db, where, done } = await openBenchDb();
const { app, url, cookie, tokens, personId } = await checkinApp(db, 50);
try {
  const venueIds = (
    await db.query<{ id: string }>(`select id from venues order by created_at desc limit 50`)
  ).map((v) => v.id);
  /** A phone offline for two days sends `n` check-ins: device times spread over the last 48 hours. */
  const product = async (n: number) => {
    const now = Date.now();
    const batches: unknown[][] = [];
    for (let b = 0; b < n / BATCH; b++)
      batches.push(
        Array.from({ length: Math.min(BATCH, n - b * BATCH) }, (_, i) => ({
          kind: 'visitor',
          id: randomUUID(),
          venueToken: tokens[(b * BATCH + i) % tokens.length],
          deviceTime: new Date(now - (((b * BATCH + i) * 1_727) % (48 * HOUR))).toISOString(),
        })),
      );
    let next = 0;
    let created = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: parallel }, async () => {
        while (next < batches.length) {
          const items = batches[next++]!;
          const res = await fetch(`${url}/api/checkins/batch`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, origin: url },
            body: JSON.stringify({ items }),
          });
          const body = (await res.json()) as { results: { status: string }[] };
          for (const r of body.results) if (r.status === 'created') created++;
        }
      }),
    );
    if (created !== n) throw new Error(`only ${created} of ${n} check-ins created`);
    return n / ((performance.now() - t0) / 1000);
  };
  const reference = async (n: number) => {
    const now = Date.now();
    const raw: NewCheckin[] = Array.from({ length: n }, (_, i) => ({
      id: randomUUID(),
      personId,
      venueId: venueIds[i % venueIds.length]!,
      method: 'venue_qr',
      deviceTime: new Date(now - ((i * 1_727) % (48 * HOUR))),
      serverTime: new Date(),
      communeCode: '00001',
      districtCode: '001',
      provinceCode: '01',
      recordedBy: null,
      source: 'sync',
    }));
    const t1 = performance.now();
    for (let i = 0; i < raw.length; i += BATCH)
      await db.transaction((tx) =>
        insertCheckins(tx, raw.slice(i, i + BATCH), { action: 'checkin.create', writer: 'bench' }),
      );
    return n / ((performance.now() - t1) / 1000);
  };
  const warm = Math.min(rows, 5 * BATCH);
  await reference(warm);
  await product(warm);
  console.log(
    `offline sync on ${where}: ${rows.toLocaleString('en')} check-ins a round, ${parallel} batches in flight`,
  );
  const { ratios } = await alternate(
    rounds,
    () => reference(rows),
    () => product(rows),
    (r) => r,
    (round, ref, prod, ratio) =>
      console.log(
        `round ${round}: POST /api/checkins/batch ${prod.toFixed(0).padStart(7)} rows/s   raw batched insert ${ref.toFixed(0).padStart(7)} rows/s   ${ratio.toFixed(2)}×`,
      ),
  );
  console.log(
    ratioLine('checkins-sync (batch endpoint ÷ repository multi-row insert, rows/s)', ratios, '≥ 0.8×'),
  );
} finally {
  await app.close();
  await done();
}
