/**
 * Offline sync at scale: 100,000 queued check-ins sent through POST /api/checkins/batch (1000 per
 * request, over loopback, each item verified and written exactly once through the group commit)
 * beside a raw batched insert of the same number of rows (the repository's multi-row insert, 1000
 * rows per transaction, no HTTP, no checks, no audit).
 *
 *   npx tsx bench/checkins-sync.bench.ts [--rows 100000] [--parallel 4]
 *   DATABASE_URL=postgres://… npx tsx bench/checkins-sync.bench.ts
 */
import { randomUUID } from 'node:crypto';
import { openBenchDb } from './lib/bench-db';
import { checkinApp } from './lib/checkins-setup';
import { insertCheckins } from '../apps/server/src/modules/checkins/checkins.repository';
import type { NewCheckin } from '../apps/server/src/modules/checkins/checkins.types';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rows = arg('rows', 100_000);
const parallel = arg('parallel', 4);
const BATCH = 1000;
const HOUR = 3_600_000;

const { db, where } = await openBenchDb();
const { app, url, cookie, tokens, personId } = await checkinApp(db, 50);
try {
  // A phone that was offline for two days: device times spread over the last 48 hours.
  const now = Date.now();
  const batches: unknown[][] = [];
  for (let b = 0; b < rows / BATCH; b++) {
    batches.push(
      Array.from({ length: BATCH }, (_, i) => ({
        kind: 'visitor',
        id: randomUUID(),
        venueToken: tokens[(b * BATCH + i) % tokens.length],
        deviceTime: new Date(now - (((b * BATCH + i) * 1_727) % (48 * HOUR))).toISOString(),
      })),
    );
  }
  let next = 0;
  let created = 0;
  let other = 0;
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
        for (const r of body.results)
          if (r.status === 'created') created++;
          else other++;
      }
    }),
  );
  const httpSeconds = (performance.now() - t0) / 1000;

  const raw: NewCheckin[] = Array.from({ length: rows }, (_, i) => ({
    id: randomUUID(),
    personId,
    venueId: randomUUID(),
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
  for (let i = 0; i < raw.length; i += BATCH) {
    await db.transaction((tx) => insertCheckins(tx, raw.slice(i, i + BATCH)));
  }
  const rawSeconds = (performance.now() - t1) / 1000;

  const rate = (n: number, s: number) => `${(n / s).toFixed(0).padStart(7)} rows/s`;
  console.log(
    `offline sync of ${rows.toLocaleString('en')} check-ins on ${where}, ${parallel} batches in flight`,
  );
  console.log(
    `POST /api/checkins/batch   ${httpSeconds.toFixed(1).padStart(6)} s  ${rate(created, httpSeconds)}  created=${created} other=${other}`,
  );
  console.log(`raw batched insert         ${rawSeconds.toFixed(1).padStart(6)} s  ${rate(rows, rawSeconds)}`);
  console.log(`ratio ${(rawSeconds / httpSeconds).toFixed(2)}× the raw insert's throughput`);
} finally {
  await app.close();
  await db.close();
}
