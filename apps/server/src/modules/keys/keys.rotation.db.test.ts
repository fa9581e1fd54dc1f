import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { failAuditOf } from '../../test-support/failing-audit';
import { publicKeys, signingKey } from './keys.service';

for (const target of dbTargets()) {
  describe(`concurrent key rotations (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('two administrators rotating at once both succeed and leave one active key', async () => {
      const before = await signingKey(db, 'qr');
      const admins = await Promise.all(
        [1, 2].map(() => signInAs(app, db, { role: 'national_admin', unitCode: null })),
      );
      const results = await Promise.all(
        [...admins, ...admins].map((a) =>
          app.inject({ method: 'POST', url: '/api/keys/qr/rotate', headers: a.headers }),
        ),
      );
      for (const r of results) assert.equal(r.statusCode, 200, r.body);
      const keys = await publicKeys(db, 'qr');
      assert.equal(keys.filter((k) => k.status === 'active').length, 1);
      assert.equal(keys.length, 5, 'the first key and one per rotation');
      assert.ok(keys.some((k) => k.kid === before.kid && k.status === 'retired'));
      assert.equal((await signingKey(db, 'qr')).kid, keys.find((k) => k.status === 'active')!.kid);
    });

    it('a rotation whose audit entry cannot be written changes no key', async () => {
      const admin = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      await signingKey(db, 'dcc');
      const before = await publicKeys(db, 'dcc');
      const restore = await failAuditOf(db, 'keys.rotate');
      try {
        const res = await app.inject({ method: 'POST', url: '/api/keys/dcc/rotate', headers: admin.headers });
        assert.equal(res.statusCode, 500, res.body);
      } finally {
        await restore();
      }
      assert.deepEqual(await publicKeys(db, 'dcc'), before, 'the old key still active, no new key');
    });
  });
}
