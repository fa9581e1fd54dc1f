import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { createStaff, SITE_ORIGIN } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { encryptLegacyTotpSecrets, openTotpSecret, sealTotpSecret } from './totp-secret';

let ipSeq = 0;
const ip = () => `198.18.0.${++ipSeq % 250}`;
const SERVER_SECRET = testConfig().secret;

/** A code the authenticator app would not show now (nor one step either side). */
function wrongCode(totp: OTPAuth.TOTP): string {
  const near = [-30_000, 0, 30_000].map((d) => totp.generate({ timestamp: Date.now() + d }));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.includes(code)) return code;
  }
}

for (const target of dbTargets()) {
  describe(`TOTP secrets encrypted at rest (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    const login = (payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip() });
    const stored = async (accountId: string) =>
      (
        await db.query<{ totp_secret: string | null }>('select totp_secret from accounts where id = $1', [
          accountId,
        ])
      )[0]!.totp_secret;

    /** A staff account with two-factor sign-in on, enrolled through the API. */
    async function enrolled() {
      const staff = await createStaff(db, { role: 'province_officer', unitCode: '01' });
      const first = await login({ username: staff.username, password: staff.password });
      const cookie = `pd_session=${first.cookies.find((c) => c.name === 'pd_session')!.value}`;
      const setup = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/setup',
        headers: { cookie, origin: SITE_ORIGIN },
      });
      assert.equal(setup.statusCode, 200);
      const { secret, otpauthUrl } = setup.json() as { secret: string; otpauthUrl: string };
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
      const enable = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/enable',
        headers: { cookie, origin: SITE_ORIGIN },
        payload: { code: totp.generate() },
      });
      assert.equal(enable.statusCode, 204);
      return { ...staff, secret, otpauthUrl, totp };
    }

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('enrolment returns the secret once and stores it sealed, never in clear', async () => {
      const a = await enrolled();
      assert.match(a.secret, /^[A-Z2-7]{32}$/);
      assert.ok(a.otpauthUrl.includes(`secret=${a.secret}`), 'the app still gets the secret to scan');
      const column = (await stored(a.accountId)) ?? '';
      assert.ok(column.startsWith('v1:'), column);
      assert.ok(!column.includes(a.secret));
      assert.ok(!column.toUpperCase().includes(a.secret.slice(0, 8)));
      const [row] = await db.query<{ n: number }>(
        `select count(*)::int as n from accounts where totp_secret like '%' || $1 || '%'`,
        [a.secret],
      );
      assert.equal(row!.n, 0);
    });

    it('signs in with a valid code and refuses a wrong one', async () => {
      const a = await enrolled();
      const creds = { username: a.username, password: a.password };
      assert.equal((await login(creds)).json().error.code, 'TOTP_REQUIRED');
      const wrong = await login({ ...creds, totp: wrongCode(a.totp) });
      assert.equal(wrong.statusCode, 401);
      assert.equal(wrong.json().error.code, 'TOTP_INVALID');
      const ok = await login({ ...creds, totp: a.totp.generate() });
      assert.equal(ok.statusCode, 200);
      assert.equal(ok.json().account.totpEnabled, true);
    });

    it('a secret stored in clear still signs in, and the start-up step seals it', async () => {
      const staff = await createStaff(db, { role: 'district_officer', unitCode: '001' });
      const secret = new OTPAuth.Secret({ size: 20 }).base32;
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
      await db.query('update accounts set totp_secret = $2, totp_enabled = true where id = $1', [
        staff.accountId,
        secret,
      ]);
      const creds = { username: staff.username, password: staff.password };
      assert.equal((await login({ ...creds, totp: wrongCode(totp) })).json().error.code, 'TOTP_INVALID');
      assert.equal((await login({ ...creds, totp: totp.generate() })).statusCode, 200);

      // buildApp runs encryptLegacyTotpSecrets once the app is ready.
      const restarted = await buildTestApp(db);
      try {
        const column = (await stored(staff.accountId)) ?? '';
        assert.ok(column.startsWith('v1:'), column);
        assert.ok(!column.includes(secret));
        assert.equal(openTotpSecret(column, staff.accountId, SERVER_SECRET), secret);
        const res = await restarted.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { ...creds, totp: totp.generate() },
          remoteAddress: ip(),
        });
        assert.equal(res.statusCode, 200);
      } finally {
        await restarted.close();
      }
      // Run again (another server starting): nothing left to seal, the sealed value is left alone.
      const before = await stored(staff.accountId);
      assert.equal(await encryptLegacyTotpSecrets(db, SERVER_SECRET), 0);
      assert.equal(await stored(staff.accountId), before);
    });

    it('a tampered secret fails closed with a clear error, no stack, no lock-out count', async () => {
      const a = await enrolled();
      const column = (await stored(a.accountId))!;
      const [v, iv, body] = column.split(':');
      const bytes = Buffer.from(body!, 'base64url');
      bytes[0]! ^= 1;
      await db.query('update accounts set totp_secret = $2 where id = $1', [
        a.accountId,
        `${v}:${iv}:${bytes.toString('base64url')}`,
      ]);
      const res = await login({ username: a.username, password: a.password, totp: a.totp.generate() });
      assert.equal(res.statusCode, 500);
      assert.equal(res.cookies.length, 0, 'no session');
      const { error } = res.json();
      assert.equal(error.code, 'TOTP_SECRET_UNREADABLE');
      assert.match(error.message.vi, /xác thực hai lớp/);
      assert.match(error.message.en, /two-factor secret cannot be read/);
      assert.ok(error.requestId);
      assert.deepEqual(Object.keys(error).sort(), ['code', 'message', 'requestId']);
      assert.ok(!res.body.includes('stack') && !res.body.includes('.ts:'), res.body);
      const [acc] = await db.query<{ failures: number }>(
        'select coalesce(sum(failures), 0)::int as failures from password_guesses where account_id = $1',
        [a.accountId],
      );
      assert.equal(acc!.failures, 0, 'the server’s fault is not counted as a wrong guess');
      // Garbage in place of the secret (neither sealed nor base32) fails the same way.
      await db.query("update accounts set totp_secret = 'not a secret!' where id = $1", [a.accountId]);
      const garbage = await login({ username: a.username, password: a.password, totp: a.totp.generate() });
      assert.equal(garbage.json().error.code, 'TOTP_SECRET_UNREADABLE');
    });

    it("another account's sealed secret does not open on this account", async () => {
      const mine = await enrolled();
      const victim = await enrolled();
      await db.query(
        'update accounts set totp_secret = (select totp_secret from accounts where id = $1) where id = $2',
        [mine.accountId, victim.accountId],
      );
      const res = await login({
        username: victim.username,
        password: victim.password,
        totp: mine.totp.generate(),
      });
      assert.equal(res.json().error.code, 'TOTP_SECRET_UNREADABLE');
    });

    it('a secret sealed under another server secret cannot be opened', async () => {
      const a = await enrolled();
      const column = (await stored(a.accountId))!;
      assert.equal(openTotpSecret(column, a.accountId, SERVER_SECRET), a.secret);
      assert.throws(
        () => openTotpSecret(column, a.accountId, 'a-different-server-secret'),
        (e: unknown) => e instanceof AppError && e.code === 'TOTP_SECRET_UNREADABLE',
      );
      const other = sealTotpSecret(a.secret, a.accountId, 'a-different-server-secret');
      assert.throws(
        () => openTotpSecret(other, a.accountId, SERVER_SECRET),
        (e: unknown) => e instanceof AppError && e.code === 'TOTP_SECRET_UNREADABLE',
      );
    });
  });
}
