import type { FastifyInstance } from 'fastify';
import type { Db } from '../../apps/server/src/core/db/db';
import { buildApp } from '../../apps/server/src/app';
import { testConfig } from '../../apps/server/src/test-support/test-app';
import {
  citizenWithPerson,
  createVenue,
  venueToken,
} from '../../apps/server/src/modules/checkins/checkins.fixtures';
import { percentile } from './stats';

/** The real application listening on loopback, a citizen with a person record, and venue posters. */
export async function checkinApp(db: Db, venues = 1) {
  const app = await buildApp({ config: testConfig(), db });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const citizen = await citizenWithPerson(app, `09${String(Date.now()).slice(-8)}`);
  const tokens: string[] = [];
  for (let i = 0; i < venues; i++) tokens.push(await venueToken(db, await createVenue(db)));
  return { app, url: baseUrl(app), cookie: citizen.headers.cookie, tokens, personId: citizen.personId };
}

export function baseUrl(app: FastifyInstance): string {
  const addr = app.server.address();
  if (!addr || typeof addr === 'string') throw new Error('not listening');
  return `http://127.0.0.1:${addr.port}`;
}

export interface LoadResult {
  ok: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

/**
 * A closed-loop load: `concurrency` workers each send one request at a time until `total` requests
 * were sent or `maxSeconds` passed. Latency is measured per request by the same client for every target.
 */
export async function runLoad(
  send: (i: number) => Promise<Response>,
  opts: { total: number; concurrency: number; maxSeconds: number; expect: number },
): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failed = 0;
  const start = performance.now();
  const deadline = start + opts.maxSeconds * 1000;
  const worker = async () => {
    while (next < opts.total && performance.now() < deadline) {
      const i = next++;
      const t = performance.now();
      const res = await send(i);
      await res.arrayBuffer();
      if (res.status === opts.expect) latencies.push(performance.now() - t);
      else failed++;
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = (performance.now() - start) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    ok: latencies.length,
    failed,
    seconds,
    perSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
  };
}

export const line = (label: string, r: LoadResult) =>
  `${label.padEnd(34)} ${r.perSecond.toFixed(0).padStart(7)} req/s  p50=${r.p50.toFixed(2).padStart(7)} ms  ` +
  `p99=${r.p99.toFixed(2).padStart(7)} ms  ok=${r.ok} failed=${r.failed} (${r.seconds.toFixed(1)} s)`;
