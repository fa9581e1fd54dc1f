import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import * as OTPAuth from 'otpauth';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp, testConfig } from '../../test-support/test-app';
import { createStaff, signInAs, TEST_PASSWORD, SITE_ORIGIN } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { forgetAllActors } from '../../core/auth/sessions';
import { ANONYMOUS } from '../../core/auth/actor';
import type { AppError } from '../../core/errors';
import { signInStaff } from './sign-in.service';

let ipSeq = 0;
const ip = () => `192.0.2.${++ipSeq % 250}`;

for (const target of dbTargets()) {
  describe(`staff sign-in and sessions (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    const login = (payload: Record<string, string>) =>
      app.inject({ method: 'POST', url: '/api/auth/login', payload, remoteAddress: ip() });
    const me = (cookie: string) =>
      app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie, origin: SITE_ORIGIN } });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('signs in, sets an httpOnly session cookie and reports permissions', async () => {
      const { username } = await createStaff(db, { role: 'commune_officer', unitCode: '00001' });
      const res = await login({ username, password: TEST_PASSWORD });
      assert.equal(res.statusCode, 200);
      const cookie = res.cookies.find((c) => c.name === 'pd_session');
      assert.ok(cookie?.httpOnly);
      assert.equal(cookie?.sameSite, 'Lax');
      const account = res.json().account;
      assert.equal(account.role, 'commune_officer');
      assert.equal(account.unitCode, '00001');
      assert.equal(account.unitName, 'Phường Phúc Xá');
      assert.ok(account.permissions.includes('person.read'));
      assert.ok(!account.permissions.includes('audit.read'));
      const again = await me(`pd_session=${cookie!.value}`);
      assert.equal(again.statusCode, 200);
      assert.equal(again.json().account.id, account.id);
      const [session] = await db.query<{ token_hash: string }>('select token_hash from sessions');
      assert.notEqual(session?.token_hash, cookie!.value, 'only a hash of the token is stored');
    });

    it('answers unknown users and wrong passwords alike', async () => {
      const { username } = await createStaff(db, { role: 'sampler', unitCode: '001' });
      const wrong = await login({ username, password: 'not-the-password-1' });
      const unknown = await login({ username: 'nobody.here', password: 'not-the-password-1' });
      assert.equal(wrong.statusCode, 401);
      assert.equal(unknown.statusCode, 401);
      assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
      assert.equal(unknown.json().error.code, 'INVALID_CREDENTIALS');
    });

    it('five wrong passwords delay only that address, increasingly; the owner elsewhere signs in at once', async () => {
      const { username, accountId } = await createStaff(db, { role: 'vaccinator', unitCode: '00001' });
      const from = (remoteAddress: string, password: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password },
          remoteAddress,
        });
      const codes: string[] = [];
      for (let i = 0; i < 6; i++)
        codes.push((await from('192.0.2.251', `wrong-password-${i}`)).json().error.code);
      assert.deepEqual(codes, [...Array(5).fill('INVALID_CREDENTIALS'), 'SIGN_IN_THROTTLED']);
      const delayed = await from('192.0.2.251', TEST_PASSWORD);
      assert.equal(delayed.statusCode, 429, 'no guess is checked while the address waits');
      assert.equal(delayed.json().error.code, 'SIGN_IN_THROTTLED');
      // The first wait after five failures is 30 s, announced in whole seconds.
      const wait = Number(delayed.headers['retry-after']);
      assert.ok(wait >= 1 && wait <= 30, `Retry-After ${delayed.headers['retry-after']}`);
      assert.equal((await from('192.0.2.252', TEST_PASSWORD)).statusCode, 200, 'no lock-out for the owner');
      const throttled = await db.query<{ ip: string }>(
        "select ip from audit_log where action = 'auth.throttled' and actor_account_id = $1",
        [accountId],
      );
      assert.deepEqual(throttled, [{ ip: '192.0.2.251' }], 'the fifth failure is audited with its address');

      const waitSeconds = async () =>
        (
          await db.query<{ s: number }>(
            'select extract(epoch from next_allowed_at - now())::float8 as s from password_guesses where account_id = $1',
            [accountId],
          )
        )[0]!.s;
      const first = await waitSeconds();
      assert.ok(first > 25 && first <= 30, `first delay ~30 s, got ${first}`);
      // The delay has passed (moved back in the database): one more wrong guess doubles it.
      await db.query(
        "update password_guesses set next_allowed_at = now() - interval '1 second' where account_id = $1",
        [accountId],
      );
      assert.equal((await from('192.0.2.251', 'wrong-password-6')).json().error.code, 'INVALID_CREDENTIALS');
      const second = await waitSeconds();
      assert.ok(second > 55 && second <= 60, `second delay ~60 s, got ${second}`);
      await db.query(
        "update password_guesses set next_allowed_at = now() - interval '1 second' where account_id = $1",
        [accountId],
      );
      assert.equal((await from('192.0.2.251', TEST_PASSWORD)).statusCode, 200);
      const [left] = await db.query<{ n: number }>(
        'select count(*)::int as n from password_guesses where account_id = $1',
        [accountId],
      );
      assert.equal(left!.n, 0, 'a success forgets that address’s failures');
    });

    it('simultaneous wrong passwords from one address: five are checked, the rest wait', async () => {
      const { username } = await createStaff(db, { role: 'sampler', unitCode: '00001' });
      const ctx = { actor: ANONYMOUS, ip: '192.0.2.253', requestId: null };
      const outcomes = await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          signInStaff(db, testConfig().secret, ctx, { username, password: `wrong-password-${i}` }).then(
            () => 'signed in',
            (e: AppError) => e.code,
          ),
        ),
      );
      assert.equal(outcomes.filter((o) => o === 'INVALID_CREDENTIALS').length, 5);
      assert.equal(outcomes.filter((o) => o === 'SIGN_IN_THROTTLED').length, 35);
    });

    it('a success resets the failure count', async () => {
      const { username } = await createStaff(db, { role: 'sampler', unitCode: '00001' });
      for (let i = 0; i < 4; i++) await login({ username, password: 'wrong-password-x' });
      assert.equal((await login({ username, password: TEST_PASSWORD })).statusCode, 200);
      for (let i = 0; i < 4; i++) await login({ username, password: 'wrong-password-x' });
      assert.equal((await login({ username, password: TEST_PASSWORD })).statusCode, 200);
    });

    it('sets up and enforces a two-factor code', async () => {
      const { username, password } = await createStaff(db, { role: 'province_officer', unitCode: '01' });
      const first = await login({ username, password });
      const cookie = `pd_session=${first.cookies.find((c) => c.name === 'pd_session')!.value}`;
      const setup = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/setup',
        headers: { cookie, origin: SITE_ORIGIN },
      });
      assert.equal(setup.statusCode, 200);
      const { secret, otpauthUrl } = setup.json();
      assert.match(otpauthUrl, /^otpauth:\/\/totp\//);
      const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
      const bad = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/enable',
        headers: { cookie, origin: SITE_ORIGIN },
        payload: { code: '000000' === totp.generate() ? '111111' : '000000' },
      });
      assert.equal(bad.json().error.code, 'TOTP_INVALID');
      const ok = await app.inject({
        method: 'POST',
        url: '/api/auth/totp/enable',
        headers: { cookie, origin: SITE_ORIGIN },
        payload: { code: totp.generate() },
      });
      assert.equal(ok.statusCode, 204);

      assert.equal((await login({ username, password })).json().error.code, 'TOTP_REQUIRED');
      const wrongCode = String((Number(totp.generate()) + 500_000) % 1_000_000).padStart(6, '0');
      assert.equal((await login({ username, password, totp: wrongCode })).json().error.code, 'TOTP_INVALID');
      const signedIn = await login({ username, password, totp: totp.generate() });
      assert.equal(signedIn.statusCode, 200);
      assert.equal(signedIn.json().account.totpEnabled, true);
    });

    it('logs out, and an expired session is anonymous', async () => {
      const a = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      assert.equal((await me(a.headers.cookie)).statusCode, 200);
      const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: a.headers });
      assert.equal(out.statusCode, 204);
      const after = await me(a.headers.cookie);
      assert.equal(after.statusCode, 401);
      assert.equal(after.json().error.code, 'UNAUTHENTICATED');

      const b = await signInAs(app, db, { role: 'district_officer', unitCode: '001' });
      await db.query("update sessions set expires_at = now() - interval '1 second' where account_id = $1", [
        b.accountId,
      ]);
      forgetAllActors(); // changed behind the app's back: skip the ACTOR_CACHE_MS wait
      assert.equal((await me(b.headers.cookie)).statusCode, 401);
    });

    it("applies an administrator's change to an account at its very next request", async () => {
      // The actor behind a token is remembered briefly; changes made through the app must not wait.
      const admin = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const a = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      assert.equal((await me(a.headers.cookie)).json().account.role, 'sampler');
      const patch = (body: object) =>
        app.inject({
          method: 'PATCH',
          url: `/api/accounts/${a.accountId}`,
          headers: admin.headers,
          payload: body,
        });
      assert.equal((await patch({ role: 'lab_technician' })).statusCode, 200);
      assert.equal((await me(a.headers.cookie)).json().account.role, 'lab_technician');
      assert.equal((await patch({ disabled: true })).statusCode, 200);
      assert.equal((await me(a.headers.cookie)).statusCode, 401);
    });

    it('slides a session forward when it is used', async () => {
      const a = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      await db.query(
        "update sessions set last_seen_at = now() - interval '2 hours', expires_at = now() + interval '10 hours' where account_id = $1",
        [a.accountId],
      );
      forgetAllActors();
      assert.equal((await me(a.headers.cookie)).statusCode, 200);
      const [s] = await db.query<{ hours: number }>(
        'select extract(epoch from expires_at - now()) / 3600 as hours from sessions where account_id = $1',
        [a.accountId],
      );
      assert.ok(s!.hours > 11.9 && s!.hours <= 12, `expected ~12 h left, got ${s!.hours}`);
    });

    it('rejects a disabled account, by cookie and at sign-in', async () => {
      const a = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      await db.query('update accounts set disabled = true where id = $1', [a.accountId]);
      forgetAllActors();
      assert.equal((await me(a.headers.cookie)).statusCode, 401);
      const [acc] = await db.query<{ username: string }>('select username from accounts where id = $1', [
        a.accountId,
      ]);
      const res = await login({ username: acc!.username, password: TEST_PASSWORD });
      assert.equal(res.json().error.code, 'ACCOUNT_DISABLED');
    });

    it('changes the password, refusing weak ones with field details', async () => {
      const a = await signInAs(app, db, { role: 'lab_technician', unitCode: '001' });
      const change = (currentPassword: string, newPassword: string) =>
        app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: a.headers,
          payload: { currentPassword, newPassword },
        });
      const weak = await change(TEST_PASSWORD, 'short');
      assert.equal(weak.json().error.code, 'WEAK_PASSWORD');
      assert.deepEqual(
        weak
          .json()
          .error.details.map((d: { code: string }) => d.code)
          .sort(),
        ['ONE_CLASS', 'TOO_SHORT'],
      );
      const oneClass = await change(TEST_PASSWORD, 'abcdefghijkl');
      assert.deepEqual(
        oneClass.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
        [['newPassword', 'ONE_CLASS']],
      );
      assert.equal(
        (await change('wrong-current-1', 'a-much-better-pass-9')).json().error.code,
        'INVALID_CREDENTIALS',
      );
      assert.equal((await change(TEST_PASSWORD, 'a-much-better-pass-9')).statusCode, 204);
      // Guessing the current password is limited like signing in: five wrong, then a wait.
      const guesses: string[] = [];
      for (let i = 0; i < 6; i++)
        guesses.push((await change(`wrong-current-${i}`, 'another-good-pass-9')).json().error.code);
      assert.deepEqual(guesses, [...Array(5).fill('INVALID_CREDENTIALS'), 'SIGN_IN_THROTTLED']);
      const waiting = await change('a-much-better-pass-9', 'another-good-pass-9');
      assert.equal(waiting.json().error.code, 'SIGN_IN_THROTTLED');
      assert.ok(Number(waiting.headers['retry-after']) >= 1, 'the wait is announced');
      const [acc] = await db.query<{ username: string }>('select username from accounts where id = $1', [
        a.accountId,
      ]);
      assert.equal(
        (await login({ username: acc!.username, password: 'a-much-better-pass-9' })).statusCode,
        200,
        'signing in from another address is not delayed',
      );
    });

    it('rate-limits sign-in attempts per IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username: 'x.y.z', password: 'p' },
          remoteAddress: '198.51.100.7',
        });
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.filter((s) => s === 429).length, 2);
      const limited = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username: 'x.y.z', password: 'p' },
        remoteAddress: '198.51.100.7',
      });
      assert.equal(limited.json().error.code, 'RATE_LIMITED');
      assert.ok(Number(limited.headers['retry-after']) >= 1, 'the wait is announced');
    });
  });
}
