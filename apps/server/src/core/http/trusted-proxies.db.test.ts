import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { createStaff } from '../../test-support/auth';
import { loadConfig } from '../config';
import type { Db } from '../db/db';

describe('PHONGDICH_TRUSTED_PROXIES', () => {
  it('defaults to no proxy and reads a comma-separated list of addresses and ranges', () => {
    assert.deepEqual(loadConfig({}).trustedProxies, []);
    assert.deepEqual(
      loadConfig({ PHONGDICH_TRUSTED_PROXIES: ' 10.0.0.1, 192.168.0.0/16 ,' }).trustedProxies,
      ['10.0.0.1', '192.168.0.0/16'],
    );
  });
});

for (const target of dbTargets()) {
  describe(`client address behind proxies (${target.name})`, () => {
    let db: Db;
    let direct: FastifyInstance;
    let proxied: FastifyInstance;
    const login = (
      app: FastifyInstance,
      payload: Record<string, string>,
      remoteAddress: string,
      forwardedFor: string,
    ) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload,
        remoteAddress,
        headers: { 'x-forwarded-for': forwardedFor },
      });
    const lastLoginIp = async (accountId: string) =>
      (
        await db.query<{ ip: string }>(
          "select ip from audit_log where action = 'auth.login' and actor_account_id = $1 order by at desc limit 1",
          [accountId],
        )
      )[0]?.ip;

    before(async () => {
      db = await target.open();
      direct = await buildTestApp(db);
      proxied = await buildTestApp(db, { trustedProxies: ['127.0.0.1'] });
    });
    after(async () => {
      await direct.close();
      await proxied.close();
      await db.close();
    });

    it('without a trusted proxy a spoofed X-Forwarded-For neither resets the per-IP limit nor enters the audit log', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 25; i++) {
        const res = await login(
          direct,
          { username: 'nobody.here', password: 'not-the-password-1' },
          '198.51.100.50',
          `203.0.113.${i + 1}`,
        );
        statuses.push(res.statusCode);
      }
      assert.equal(statuses.filter((s) => s === 429).length, 5, statuses.join(','));
      const { username, password, accountId } = await createStaff(db, { role: 'sampler', unitCode: '001' });
      const ok = await login(direct, { username, password }, '198.51.100.51', '203.0.113.200');
      assert.equal(ok.statusCode, 200);
      assert.equal(await lastLoginIp(accountId), '198.51.100.51');
    });

    it('a configured proxy’s X-Forwarded-For is the client address; anyone else’s is ignored', async () => {
      const { username, password, accountId } = await createStaff(db, { role: 'sampler', unitCode: '001' });
      assert.equal(
        (await login(proxied, { username, password }, '127.0.0.1', '203.0.113.7')).statusCode,
        200,
      );
      assert.equal(await lastLoginIp(accountId), '203.0.113.7');
      assert.equal(
        (await login(proxied, { username, password }, '198.51.100.52', '203.0.113.8')).statusCode,
        200,
      );
      assert.equal(await lastLoginIp(accountId), '198.51.100.52');
    });
  });
}
