/**
 * The reference for the HTTP benchmarks, in a process of its own: a bare Fastify server (no logger, no
 * session, no validation) doing the same durable work per request as the product's minimum — one insert
 * of the request's record into a real table, committed (flushed, with fsync on) before it answers.
 * A sync batch is one multi-row insert of its items. Prints `{url}` when ready; exits when stdin closes.
 *
 *   node --import tsx bench/lib/reference-server.ts <pglite dataDir>     (DATABASE_URL selects PostgreSQL)
 */
import Fastify from 'fastify';
import { openDatabase } from '../../apps/server/src/core/db/open';

const db = await openDatabase({
  databaseUrl: process.env.DATABASE_URL || undefined,
  dataDir: process.argv[2] ?? '',
});
await db.exec(
  `create table if not exists bench_ref_requests (id uuid primary key, kind text not null, body jsonb not null,
     at timestamptz not null default now())`,
);
const app = Fastify({ logger: false, bodyLimit: 1024 * 1024 });
app.post<{ Params: { kind: string }; Body: { id?: string; items?: { id: string }[] } }>(
  '/ref/:kind',
  async (req, reply) => {
    const { kind } = req.params;
    if (kind === 'sync') {
      const items = req.body.items ?? [];
      await db.query(
        `insert into bench_ref_requests (id, kind, body) select i, 'sync', b from unnest($1::uuid[], $2::jsonb[]) as t(i, b)`,
        [items.map((i) => i.id), items.map((i) => JSON.stringify(i))],
      );
      return reply.status(200).send({ results: items.map((i) => ({ id: i.id, status: 'created' })) });
    }
    const id = req.body.id ?? crypto.randomUUID();
    await db.query(`insert into bench_ref_requests (id, kind, body) values ($1, $2, $3)`, [
      id,
      kind,
      JSON.stringify(req.body),
    ]);
    return reply.status(201).send({ id, serverTime: new Date().toISOString() });
  },
);
await app.listen({ host: '127.0.0.1', port: 0 });
const addr = app.server.address();
console.log(JSON.stringify({ url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}` }));
process.stdin.on('data', () => {});
process.stdin.on('end', () => {
  void (async () => {
    await app.close();
    await db.exec('drop table if exists bench_ref_requests');
    await db.close();
    process.exit(0);
  })();
});
