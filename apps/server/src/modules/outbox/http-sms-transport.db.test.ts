import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { Writable } from 'node:stream';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import pino from 'pino';
import { dbTargets } from '../../test-support/test-db';
import { testConfig } from '../../test-support/test-app';
import { buildApp } from '../../app';
import { loadConfig, type SmsGatewayConfig } from '../../core/config';
import type { Db } from '../../core/db/db';
import { HttpSmsTransport } from './http-sms-transport';
import { DevTransport } from './transport';

const REPORT_TOKEN = 'report-token-0123456789';

/**
 * A fake SMS gateway: a real HTTP server on 127.0.0.1 that records what it is sent, answers 503 to
 * the first attempt at each message, accepts the next and posts its delivery report back, even before
 * answering the send.
 */
class FakeGateway {
  received: { headers: IncomingHttpHeaders; body: Record<string, string> }[] = [];
  reports: number[] = [];
  mode: 'flaky' | 'reject' = 'flaky';
  private seen = new Set<string>();
  private server: Server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const body = JSON.parse(raw) as Record<string, string>;
      this.received.push({ headers: req.headers, body });
      const key = String(req.headers['idempotency-key']);
      if (this.mode === 'reject') return res.writeHead(400).end('{"error":"bad number"}');
      if (!this.seen.has(key)) {
        this.seen.add(key);
        return res.writeHead(503).end();
      }
      const id = `gw-${this.received.length}`;
      // The worst order a real gateway can take: the delivery report leaves before the send's answer
      // (so before the platform can have stored the gateway's id).
      void fetch(body.callbackUrl!, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-report-token': REPORT_TOKEN },
        body: JSON.stringify({ id, status: 'DELIVRD' }),
      }).then((r) => this.reports.push(r.status));
      setTimeout(() => {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id }));
      }, 100);
    });
  });
  url = '';
  async start(): Promise<void> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/send`;
  }
  stop(): Promise<void> {
    return new Promise((r) => this.server.close(() => r()));
  }
}

async function freePort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as AddressInfo;
  await new Promise((r) => s.close(r));
  return port;
}

async function until<T>(what: string, f: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const v = await f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('SMS transport configuration', () => {
  const prod = { NODE_ENV: 'production', PHONGDICH_SECRET: 's'.repeat(32) };
  it('production refuses to start with the development transport', () => {
    assert.throws(() => loadConfig(prod), /PHONGDICH_SMS_TRANSPORT=http/);
    assert.throws(() => loadConfig({ ...prod, PHONGDICH_SMS_TRANSPORT: 'dev' }), /real SMS transport/);
  });
  it('the http transport needs its gateway, token and report token', () => {
    assert.throws(
      () => loadConfig({ ...prod, PHONGDICH_SMS_TRANSPORT: 'http' }),
      /PHONGDICH_SMS_GATEWAY_URL/,
    );
    const config = loadConfig({
      ...prod,
      PHONGDICH_SMS_TRANSPORT: 'http',
      PHONGDICH_SMS_GATEWAY_URL: 'https://sms.example.vn/send',
      PHONGDICH_SMS_GATEWAY_TOKEN: 'gw-token',
      PHONGDICH_SMS_REPORT_TOKEN: REPORT_TOKEN,
      PHONGDICH_SMS_SENDER: 'BYT',
    });
    assert.equal(config.messageTransport, 'http');
    assert.deepEqual(config.sms, {
      url: 'https://sms.example.vn/send',
      token: 'gw-token',
      sender: 'BYT',
      reportToken: REPORT_TOKEN,
      timeoutMs: 10_000,
    });
  });
});

describe('no message body in the logs', () => {
  it('neither transport logs the body or the code', async () => {
    let logged = '';
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        logged += chunk.toString();
        done();
      },
    });
    const log = pino({ level: 'trace' }, sink);
    const m = {
      id: '00000000-0000-4000-8000-000000000001',
      channel: 'sms' as const,
      recipient: '+84912345678',
      subject: 's',
      body: 'Your sign-in code is 493817',
    };
    await new DevTransport(log).send(m);
    const gateway = new FakeGateway();
    gateway.mode = 'reject';
    await gateway.start();
    try {
      const sms: SmsGatewayConfig = {
        url: gateway.url,
        token: 't',
        sender: 'S',
        reportToken: REPORT_TOKEN,
        timeoutMs: 2000,
      };
      await assert.rejects(
        new HttpSmsTransport(sms, 'http://127.0.0.1:1/cb', log).send(m),
        /refused the message \(400\)/,
      );
    } finally {
      await gateway.stop();
    }
    assert.ok(logged.includes('00000000-0000-4000-8000-000000000001'), 'the message is logged by id');
    assert.ok(!logged.includes('493817') && !logged.includes('sign-in code'), logged);
    assert.ok(!logged.includes('912345678'), 'the number is masked');
  });
});

for (const target of dbTargets()) {
  describe(`HTTP SMS gateway (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let base: string;
    const gateway = new FakeGateway();

    before(async () => {
      db = await target.open();
      await gateway.start();
      const port = await freePort();
      base = `http://127.0.0.1:${port}`;
      app = await buildApp({
        db,
        config: testConfig({
          publicUrl: base,
          messageTransport: 'http',
          sms: {
            url: gateway.url,
            token: 'gw-token',
            sender: 'PHONGDICH',
            reportToken: REPORT_TOKEN,
            timeoutMs: 2000,
          },
        }),
      });
      await app.listen({ host: '127.0.0.1', port });
    });
    after(async () => {
      await app.close();
      await gateway.stop();
      await db.close();
    });

    it('sends the code through the gateway, retrying its failure once, and records the delivery report', async () => {
      const res = await fetch(`${base}/api/auth/otp/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '0912345001' }),
      });
      assert.equal(res.status, 202);
      assert.equal(((await res.json()) as { devInbox: boolean }).devInbox, false);
      const row = await until('the delivery report', async () => {
        const [r] = await db.query<{
          id: string;
          status: string;
          provider_message_id: string;
          delivery_status: string;
        }>(
          "select id, status, provider_message_id, delivery_status from outbox_messages where recipient = '+84912345001'",
        );
        return r?.delivery_status === 'delivered' ? r : undefined;
      });
      assert.equal(row.status, 'sent');
      assert.equal(gateway.received.length, 2, 'one failed attempt, one accepted');
      for (const { headers, body } of gateway.received) {
        assert.equal(headers.authorization, 'Bearer gw-token');
        assert.equal(headers['idempotency-key'], row.id, 'a retry carries the same key');
        assert.equal(body.to, '+84912345001');
        assert.equal(body.from, 'PHONGDICH');
        assert.match(body.text!, /\b\d{6}\b/);
        assert.equal(body.callbackUrl, `${base}/api/outbox/delivery-reports`);
      }
      assert.equal(row.provider_message_id, 'gw-2');
      await until('the report’s answer', async () => (gateway.reports.length ? true : undefined));
      assert.deepEqual(gateway.reports, [204]);
      assert.equal((await fetch(`${base}/api/dev/inbox`)).status, 404, 'no development inbox');
    });

    it('refuses a delivery report without the report token, and one for an unknown message', async () => {
      const report = (token: string, id: string) =>
        fetch(`${base}/api/outbox/delivery-reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-report-token': token },
          body: JSON.stringify({ id, status: 'UNDELIV' }),
        });
      const forged = await report('report-token-wrong-0000', 'gw-2');
      assert.equal(forged.status, 401);
      assert.equal(
        ((await forged.json()) as { error: { code: string } }).error.code,
        'DELIVERY_REPORT_REFUSED',
      );
      assert.equal((await report(REPORT_TOKEN, 'gw-unknown')).status, 404);
      const [r] = await db.query<{ delivery_status: string }>(
        "select delivery_status from outbox_messages where provider_message_id = 'gw-2'",
      );
      assert.equal(r!.delivery_status, 'delivered');
    });

    it('a gateway refusal (4xx) fails the message at once, with no body in the stored error', async () => {
      gateway.mode = 'reject';
      const before = gateway.received.length;
      const res = await fetch(`${base}/api/auth/otp/request`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ phone: '0912345002' }),
      });
      assert.equal(res.status, 202);
      const row = await until('the refusal', async () => {
        const [r] = await db.query<{ status: string; attempts: number; last_error: string }>(
          "select status, attempts, last_error from outbox_messages where recipient = '+84912345002'",
        );
        return r?.status === 'failed' ? r : undefined;
      });
      assert.equal(row.attempts, 1);
      assert.equal(gateway.received.length - before, 1, 'not retried');
      assert.equal(row.last_error, 'SMS gateway refused the message (400)');
    });
  });
}
