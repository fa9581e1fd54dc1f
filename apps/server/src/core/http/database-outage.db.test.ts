import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../app';
import { dbTargets } from '../../test-support/test-db';
import { testConfig } from '../../test-support/test-app';
import { openPostgres } from '../db/postgres';
import type { Db } from '../db/db';
import { isDatabaseUnavailable } from './database-outage';

/** The app's log lines, parsed, as a test reads them. */
function logCollector() {
  const lines: { msg: string; level: number }[] = [];
  return { lines, stream: { write: (line: string) => void lines.push(JSON.parse(line)) } };
}

async function appWithLogs(db: Db) {
  const logs = logCollector();
  const app = await buildApp({ config: testConfig({ logLevel: 'warn' }), db, logStream: logs.stream });
  await app.ready();
  return { app, logs };
}

/** A route that reads the database on every call (the account behind a username). */
const signIn = (app: FastifyInstance, i: number) =>
  app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { username: `nobody${i}`, password: 'x' },
    remoteAddress: `10.99.0.${i}`,
  });

function assertUnavailable(res: { statusCode: number; headers: Record<string, unknown>; body: string }) {
  assert.equal(res.statusCode, 503, res.body);
  assert.equal(res.headers['retry-after'], '5');
  const body = JSON.parse(res.body) as { error: { code: string; message: { vi: string; en: string } } };
  assert.equal(body.error.code, 'DATABASE_UNAVAILABLE');
  assert.ok(body.error.message.vi && body.error.message.en);
}

const outageLines = (logs: ReturnType<typeof logCollector>) =>
  logs.lines.filter((l) => l.msg.startsWith('database unavailable'));

/**
 * A TCP relay in front of the PostgreSQL server: stopping it drops every connection and refuses new
 * ones (the database server gone, as the app sees it); starting it again on the same port is the
 * server back.
 */
function relay(target: { host: string; port: number }) {
  const sockets = new Set<net.Socket>();
  let server: net.Server | null = null;
  let port = 0;
  return {
    get port() {
      return port;
    },
    async start() {
      server = net.createServer((client) => {
        const upstream = net.connect(target.port, target.host);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => undefined);
        }
        client.pipe(upstream).pipe(client);
      });
      await new Promise<void>((resolve) => server!.listen(port, '127.0.0.1', resolve));
      port = (server.address() as net.AddressInfo).port;
    },
    async stop() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server!.close(() => resolve()));
    },
  };
}

describe('a database outage answers 503 with Retry-After and logs one line', () => {
  it('on PGlite: a closed database', async () => {
    const db = await dbTargets()[0]!.open();
    const { app, logs } = await appWithLogs(db);
    try {
      assert.equal((await signIn(app, 1)).statusCode, 401);
      await db.close();
      for (let i = 2; i < 8; i++) assertUnavailable(await signIn(app, i));
      assert.equal(outageLines(logs).length, 1, 'one line for the outage, not one per request');
      assert.ok(!logs.lines.some((l) => l.msg === 'unhandled error'));
    } finally {
      await app.close();
    }
  });

  const url = process.env.DATABASE_URL;
  if (url) {
    it('on PostgreSQL: the server stops under the running app, then comes back', async () => {
      const target = dbTargets().find((t) => t.name === 'postgres')!;
      const owner = await target.open(); // a fresh migrated database, dropped at the end
      const name = (await owner.query<{ db: string }>('select current_database() as db'))[0]!.db;
      const u = new URL(url);
      const r = relay({ host: u.hostname, port: Number(u.port || 5432) });
      await r.start();
      u.host = `127.0.0.1:${r.port}`;
      u.pathname = `/${name}`;
      const db = await openPostgres(u.toString(), 4);
      const { app, logs } = await appWithLogs(db);
      try {
        assert.equal((await signIn(app, 1)).statusCode, 401);
        await r.stop();
        const during = await Promise.all([2, 3, 4, 5, 6, 7, 8, 9].map((i) => signIn(app, i)));
        during.forEach(assertUnavailable);
        assertUnavailable(await signIn(app, 10));
        assert.equal(outageLines(logs).length, 1, 'one line for the outage, not one per request');
        await r.start();
        const deadline = Date.now() + 15_000;
        while (!logs.lines.some((l) => l.msg === 'database available again') && Date.now() < deadline)
          await new Promise((resolve) => setTimeout(resolve, 200));
        assert.ok(logs.lines.some((l) => l.msg === 'database available again'));
        assert.equal((await signIn(app, 11)).statusCode, 401);
        assert.equal(outageLines(logs).length, 1);
      } finally {
        await app.close();
        await db.close();
        await r.stop().catch(() => undefined);
        await owner.close();
      }
    });
  }

  it('tells an unreachable database from a bad request', () => {
    assert.ok(
      isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })),
    );
    assert.ok(isDatabaseUnavailable(Object.assign(new Error('terminating connection'), { code: '57P01' })));
    assert.ok(isDatabaseUnavailable(new Error('Connection terminated unexpectedly')));
    assert.ok(isDatabaseUnavailable(new Error('PGlite is closed')));
    assert.ok(!isDatabaseUnavailable(Object.assign(new Error('duplicate key'), { code: '23505' })));
    assert.ok(!isDatabaseUnavailable(Object.assign(new Error('invalid input syntax'), { code: '22P02' })));
  });
});
