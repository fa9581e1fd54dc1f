/**
 * Durable HTTP check-ins through the real Fastify app over loopback (session lookup, venue token
 * verification, group commit, audit) beside a bare Fastify route in the same process, driven by the
 * same closed-loop fetch client. Every 201 counted here was committed before it was sent.
 *
 * On a small shared machine one pair of runs moves by several percent, so `--rounds N` alternates the two
 * targets N times and reports every round and the median ratio.
 *
 *   npx tsx bench/checkins-http.bench.ts [--requests 20000] [--concurrency 64] [--seconds 20] [--rounds 3]
 *   DATABASE_URL=postgres://… npx tsx bench/checkins-http.bench.ts
 */
import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { openBenchDb } from './lib/bench-db';
import { baseUrl, checkinApp, line, runLoad } from './lib/checkins-setup';
import { runCheckinRetention } from '../apps/server/src/modules/checkins/retention';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const total = arg('requests', 20_000);
const concurrency = arg('concurrency', 64);
const maxSeconds = arg('seconds', 20);
const rounds = arg('rounds', 1);

const { db, where } = await openBenchDb();
await runCheckinRetention(db, 30);
const bare = Fastify({ logger: false });
bare.post('/bare', async (_req, reply) => reply.status(201).send({ ok: true }));
await bare.listen({ host: '127.0.0.1', port: 0 });
const { app, url, cookie, tokens } = await checkinApp(db, 20);

try {
  const bareUrl = `${baseUrl(bare)}/bare`;
  const headers = { 'content-type': 'application/json', cookie, origin: url };
  const sendBare = () =>
    fetch(bareUrl, { method: 'POST', headers, body: JSON.stringify({ id: randomUUID() }) });
  const sendCheckin = (i: number) =>
    fetch(`${url}/api/checkins`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        id: randomUUID(),
        venueToken: tokens[i % tokens.length],
        deviceTime: new Date().toISOString(),
      }),
    });
  const opts = { total, concurrency, maxSeconds, expect: 201 };
  // Warm-up: JIT, connections, caches (keys, venues, sessions).
  await runLoad(sendBare, { ...opts, total: 2000 });
  await runLoad(sendCheckin, { ...opts, total: 2000 });

  const commitCount = async () =>
    (
      await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'checkin.create'`,
      )
    )[0]!.n;
  console.log(`check-ins over HTTP on ${where}, concurrency ${concurrency}, Node ${process.version}`);
  const ratios: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    const before = await commitCount();
    const b = await runLoad(sendBare, opts);
    const c = await runLoad(sendCheckin, opts);
    const commits = (await commitCount()) - before;
    const ratio = c.perSecond / b.perSecond;
    ratios.push(ratio);
    if (rounds > 1) console.log(`round ${round}`);
    console.log(line('bare Fastify route', b));
    console.log(line('POST /api/checkins (durable)', c));
    console.log(
      `ratio ${ratio.toFixed(2)}× the bare route (goal ≥ 0.6×, p99 < 50 ms); ` +
        `${commits} commits, ${(c.ok / Math.max(1, commits)).toFixed(1)} check-ins per commit`,
    );
  }
  if (rounds > 1) {
    const sorted = [...ratios].sort((x, y) => x - y);
    console.log(
      `median ratio over ${rounds} rounds: ${sorted[Math.floor(rounds / 2)]!.toFixed(2)}× ` +
        `(min ${sorted[0]!.toFixed(2)}, max ${sorted.at(-1)!.toFixed(2)})`,
    );
  }
} finally {
  await app.close();
  await bare.close();
  await db.close();
}
