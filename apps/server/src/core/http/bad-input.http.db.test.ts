import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import net from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../db/db';

function assertErrorFormat(res: { statusCode: number; body: string }, status: number, code: string): void {
  assert.equal(res.statusCode, status, res.body);
  const body = JSON.parse(res.body) as {
    error: { code: string; message: { vi: string; en: string }; requestId: string };
  };
  assert.equal(body.error.code, code);
  assert.equal(typeof body.error.message.vi, 'string');
  assert.equal(typeof body.error.message.en, 'string');
  assert.equal(typeof body.error.requestId, 'string');
}

const nulDetail = (res: LightMyRequestResponse) =>
  (res.json().error.details as { field: string; code: string }[]).find((d) => d.code === 'nul');

/** One raw HTTP/1.1 exchange on a socket (inject() skips Node's HTTP parser). */
function rawRequest(port: number, text: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(text));
    let out = '';
    socket.on('data', (d) => (out += d.toString()));
    socket.on('end', () => resolve(out));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

for (const target of dbTargets()) {
  describe(`bad input answers 4xx in the error format (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let admin: { cookie: string };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('refuses NUL in a body, a query string and a path parameter, naming the field', async () => {
      const login = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'admin\u0000', password: 'x' },
      });
      assertErrorFormat(login, 400, 'VALIDATION_FAILED');
      assert.equal(nulDetail(login)?.field, 'body.username');
      const units = await app.inject({ method: 'GET', url: '/api/units?q=H%C3%A0%00N%E1%BB%99i' });
      assertErrorFormat(units, 400, 'VALIDATION_FAILED');
      assert.equal(nulDetail(units)?.field, 'querystring.q');
      const unit = await app.inject({ method: 'GET', url: '/api/units/01%00' });
      assertErrorFormat(unit, 400, 'VALIDATION_FAILED');
      const accounts = await app.inject({ method: 'GET', url: '/api/accounts?role=%00', headers: admin });
      assertErrorFormat(accounts, 400, 'VALIDATION_FAILED');
      assert.equal(nulDetail(accounts)?.field, 'querystring.role');
      const madeUpKey = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'a', password: 'b', extra: { '0912345678 Nguyễn Văn A': ['x\u0000'] } },
      });
      assertErrorFormat(madeUpKey, 400, 'VALIDATION_FAILED');
      assert.equal(nulDetail(madeUpKey)?.field, 'body.extra.*.0');
      assert.ok(!madeUpKey.body.includes('0912345678'));
    });

    it('refuses a lone surrogate, which a jsonb column would fail on as a 500', async () => {
      // What a fuzzer found: a saved column map is jsonb, and PostgreSQL refuses "\ud800" there.
      const res = await app.inject({
        method: 'PUT',
        url: '/api/vaccination/invitations/column-map',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"bhyt":"\\ud800"}',
      });
      assertErrorFormat(res, 400, 'VALIDATION_FAILED');
      assert.equal(nulDetail(res)?.field, 'body.bhyt');
      const paired = await app.inject({
        method: 'PUT',
        url: '/api/vaccination/invitations/column-map',
        headers: { ...admin, 'content-type': 'application/json' },
        payload: '{"bhyt":"Th\\u1ebb BHYT \\ud83d\\ude00"}',
      });
      assert.equal(paired.statusCode, 200, paired.body);
    });

    it('refuses impossible dates and year 0000 wherever a schema takes a date', async () => {
      for (const day of ['2021-02-30', '0000-01-01', '2021-13-01']) {
        const res = await app.inject({
          method: 'GET',
          url: `/api/figures/checkins?from=${day}`,
          headers: admin,
        });
        assertErrorFormat(res, 400, 'VALIDATION_FAILED');
      }
      for (const since of ['0000-01-01T00:00:00Z', '2021-02-30T00:00:00Z']) {
        const res = await app.inject({ method: 'GET', url: `/api/keys/revocations?since=${since}` });
        assertErrorFormat(res, 400, 'VALIDATION_FAILED');
      }
      const ok = await app.inject({ method: 'GET', url: '/api/keys/revocations?since=2021-02-28T00:00:00Z' });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it('refuses an integer no column can hold', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/accounts?offset=4e278', headers: admin });
      assertErrorFormat(res, 400, 'VALIDATION_FAILED');
    });

    it('a two-factor code of another byte length is a wrong code, not a 500', async () => {
      const setup = await app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers: admin });
      assert.equal(setup.statusCode, 200, setup.body);
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/enable',
        headers: admin,
        payload: { code: 'é12345' },
      });
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, res.body);
    });

    it('a bad percent-escape or a too-long parameter answers in the format without echoing the path', async () => {
      const bad = await app.inject({ method: 'GET', url: '/api/units/%zzsecret-path' });
      assertErrorFormat(bad, 400, 'MALFORMED_REQUEST');
      assert.ok(!bad.body.includes('secret-path'));
      const long = await app.inject({ method: 'GET', url: `/api/units/${'0912345678'.repeat(30)}` });
      assertErrorFormat(long, 414, 'URL_TOO_LONG');
      assert.ok(!long.body.includes('0912345678'));
    });

    it('headers too large and a broken request line answer in the format on a real socket', async () => {
      const server = await buildTestApp(db);
      await server.listen({ port: 0, host: '127.0.0.1' });
      try {
        const port = (server.server.address() as net.AddressInfo).port;
        const big = await rawRequest(
          port,
          `GET /api/health?phone=0912345678 HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
        );
        assert.match(big, /^HTTP\/1\.1 431 /);
        const [, bigBody] = big.split('\r\n\r\n');
        assertErrorFormat({ statusCode: 431, body: bigBody! }, 431, 'HEADERS_TOO_LARGE');
        assert.ok(!big.includes('0912345678'));
        const broken = await rawRequest(port, 'GET /api/health?0912345678 HTTP/1.1 junk\r\n\r\n');
        assert.match(broken, /^HTTP\/1\.1 400 /);
        assertErrorFormat({ statusCode: 400, body: broken.split('\r\n\r\n')[1]! }, 400, 'MALFORMED_REQUEST');
        assert.ok(!broken.includes('0912345678'));
      } finally {
        await server.close();
      }
    });
  });
}
