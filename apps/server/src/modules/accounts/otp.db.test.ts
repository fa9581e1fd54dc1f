import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { readOtpFromInbox, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { ANONYMOUS } from '../../core/auth/actor';
import type { AppError } from '../../core/errors';
import { OTP_MAX_ATTEMPTS, OTP_MAX_PER_IP_PER_HOUR, requestOtp, verifyOtp } from './otp.service';

let ipSeq = 0;
const ip = () => `203.0.113.${++ipSeq % 250}`;

for (const target of dbTargets()) {
  describe(`citizen one-time-code sign-in (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    const request = (phone: string, remoteAddress = ip()) =>
      app.inject({ method: 'POST', url: '/api/auth/otp/request', payload: { phone }, remoteAddress });
    const verify = (phone: string, code: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/otp/verify',
        payload: { phone, code },
        remoteAddress: ip(),
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('sends a code to the dev inbox (masked) and signs in, creating the account once', async () => {
      const res = await request('0912345678');
      assert.equal(res.statusCode, 202);
      assert.deepEqual(res.json(), { sent: true, expiresInSeconds: 300, devInbox: true });
      const inbox = (await app.inject({ method: 'GET', url: '/api/dev/inbox' })).json().items;
      assert.equal(inbox[0].to, '+84*****5678');
      assert.equal(inbox[0].channel, 'sms');
      assert.ok(!JSON.stringify(inbox).includes('912345678'), 'the full number never leaves the server');
      const code = await readOtpFromInbox(app, '0912345678');
      const ok = await verify('+84 912 345 678', code);
      assert.equal(ok.statusCode, 200);
      const account = ok.json().account;
      assert.equal(account.kind, 'citizen');
      assert.equal(account.phoneMasked, '+84*****5678');
      // A citizen may use the citizen services, never the officers' ones.
      for (const a of ['declaration.submit', 'qr.personal', 'checkin.create', 'results.readOwn']) {
        assert.ok(account.permissions.includes(a), a);
      }
      for (const a of ['person.search', 'person.read', 'audit.read', 'account.manage', 'worklist.read']) {
        assert.ok(!account.permissions.includes(a), a);
      }
      assert.equal((await verify('0912345678', code)).json().error.code, 'OTP_INVALID', 'a code works once');

      const again = await signInCitizen(app, '84912345678');
      assert.equal(again.accountId, account.id);
      const [n] = await db.query<{ n: number }>(
        "select count(*)::int as n from accounts where kind = 'citizen'",
      );
      assert.equal(n!.n, 1);
      const [stored] = await db.query<{ code_hash: string; phone_hash: string }>(
        'select code_hash, phone_hash from otp_codes limit 1',
      );
      assert.ok(!stored!.code_hash.includes(code) && !stored!.phone_hash.includes('912345678'));
    });

    it('refuses numbers that are not Vietnamese mobiles', async () => {
      for (const phone of ['0212345678', '12345', '+1 202 555 0100']) {
        const res = await request(phone);
        assert.equal(res.statusCode, 400);
        assert.equal(res.json().error.code, 'INVALID_PHONE');
      }
    });

    it('a wrong code fails, and five wrong tries burn the code', async () => {
      await request('0987000001');
      const code = await readOtpFromInbox(app, '0987000001');
      const wrong = code === '000000' ? '000001' : '000000';
      const first = await verify('0987000001', wrong);
      assert.equal(first.statusCode, 401);
      assert.equal(first.json().error.code, 'OTP_INVALID');
      for (let i = 0; i < 4; i++) await verify('0987000001', wrong);
      assert.equal((await verify('0987000001', code)).json().error.code, 'OTP_INVALID');
    });

    it('200 simultaneous guesses: only five are evaluated, and a right code after them is refused', async () => {
      const secret = testConfig().secret;
      const ctx = { actor: ANONYMOUS, ip: '198.51.100.150', requestId: null };
      await requestOtp(db, secret, ctx, '0987000009');
      const code = await readOtpFromInbox(app, '0987000009');
      const wrong = code === '000000' ? '000001' : '000000';
      const guess = (c: string) =>
        verifyOtp(db, secret, ctx, { phone: '0987000009', code: c }).then(
          () => 'signed in',
          (e: AppError) => e.code,
        );
      const wrongs = Array.from({ length: 200 }, () => guess(wrong));
      const outcomes = await Promise.all([...wrongs, guess(code)]);
      assert.ok(
        outcomes.every((o) => o === 'OTP_INVALID'),
        'the right code came after five wrong ones',
      );
      const [row] = await db.query<{ attempts: number }>(
        'select attempts from otp_codes where consumed_at is null order by created_at desc limit 1',
      );
      assert.equal(
        row!.attempts,
        OTP_MAX_ATTEMPTS,
        'every evaluated guess is counted, and no more than five',
      );
    });

    it('an expired code fails', async () => {
      await request('0987000002');
      const code = await readOtpFromInbox(app, '0987000002');
      await db.query("update otp_codes set expires_at = now() - interval '1 second'");
      assert.equal((await verify('0987000002', code)).json().error.code, 'OTP_INVALID');
    });

    it('limits codes per phone per hour', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await request('0356000003')).statusCode);
      assert.deepEqual(statuses, [202, 202, 202, 202, 202, 429]);
      const refused = await request('0356000003');
      assert.equal(refused.json().error.code, 'OTP_TOO_MANY');
      // The wait is announced: until the oldest of the hour's codes leaves the window (about an hour).
      const wait = Number(refused.headers['retry-after']);
      assert.ok(wait > 55 * 60 && wait <= 3600, `Retry-After ${refused.headers['retry-after']}`);
      await db.query("update otp_codes set created_at = now() - interval '61 minutes'");
      assert.equal((await request('0356000003')).statusCode, 202, 'an hour later codes flow again');
    });

    it('rate-limits the route per IP per minute', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push((await request(`09100001${String(i).padStart(2, '0')}`, '198.51.100.99')).statusCode);
      assert.equal(statuses.filter((s) => s === 202).length, 20);
      assert.equal(statuses.filter((s) => s === 429).length, 2);
    });

    it('limits codes per IP per hour across phones', async () => {
      const ctx = { actor: ANONYMOUS, ip: '198.51.100.100', requestId: null };
      const secret = testConfig().secret;
      for (let i = 0; i < OTP_MAX_PER_IP_PER_HOUR; i++)
        await requestOtp(db, secret, ctx, `09200002${String(i).padStart(2, '0')}`);
      await assert.rejects(
        requestOtp(db, secret, ctx, '0920000299'),
        (e: AppError) => e.code === 'OTP_TOO_MANY',
      );
      await requestOtp(db, secret, { ...ctx, ip: '198.51.100.101' }, '0920000299');
    });
  });
}
