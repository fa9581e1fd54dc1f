import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { ROLES } from '@phongdich/contracts';
import { dbTargets } from '../test-support/test-db';
import { buildTestApp, testConfig } from '../test-support/test-app';
import type { Db } from '../core/db/db';
import { passwordProblems } from '../core/auth/password';
import * as OTPAuth from 'otpauth';
import { seedDemo } from './seed-demo';

for (const target of dbTargets()) {
  describe(`demo accounts (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('creates an account for every staff role once, and lists them again on a second start', async () => {
      const first = await seedDemo(db, testConfig());
      const count = async () =>
        (await db.query<{ n: number }>('select count(*)::int as n from accounts'))[0]!.n;
      const afterFirst = await count();
      const second = await seedDemo(db, testConfig());
      assert.equal(await count(), afterFirst, 'nothing new on the second start');
      assert.deepEqual(second, first);
      const staffRoles = new Set(first.filter((a) => a.role !== 'citizen').map((a) => a.role));
      assert.deepEqual([...staffRoles].sort(), ROLES.filter((r) => r !== 'citizen').sort());
      assert.ok(first.some((a) => a.role === 'citizen' && a.login === '0912345678'));
      for (const a of first.filter((x) => x.role !== 'citizen'))
        assert.deepEqual(passwordProblems(a.secret), []);
      const units = await db.query<{ unit_code: string | null }>(
        "select unit_code from accounts where role = 'commune_officer' order by unit_code",
      );
      assert.deepEqual(
        units.map((u) => u.unit_code),
        ['00001', '26800'],
      );
    });

    it('every demo staff account signs in with its printed password; administrators with two factors', async () => {
      const app = await buildTestApp(db);
      try {
        const accounts = (await seedDemo(db, testConfig())).filter((a) => a.role !== 'citizen');
        const admins = accounts.filter((a) => a.totpSecret);
        assert.deepEqual(
          admins.map((a) => a.role),
          ['national_admin'],
          'the demo shows two-factor sign-in on its administrator',
        );
        for (const [i, a] of accounts.entries()) {
          const login = (totp?: string) =>
            app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { username: a.login, password: a.secret, ...(totp ? { totp } : {}) },
              remoteAddress: `10.9.0.${i + 1}`,
            });
          let res = await login();
          if (a.totpSecret) {
            assert.equal(res.json().error.code, 'TOTP_REQUIRED', a.login);
            assert.match(a.note, new RegExp(a.totpSecret), 'the printout gives the secret');
            const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(a.totpSecret) }).generate();
            res = await login(code);
          }
          assert.equal(res.statusCode, 200, a.login);
          assert.equal(res.json().account.role, a.role);
        }
      } finally {
        await app.close();
      }
    });
  });
}
