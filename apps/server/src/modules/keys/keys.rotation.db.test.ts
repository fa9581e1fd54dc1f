import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import { verifyQrToken, type EcJwk } from '@phongdich/domain';
import { signInCitizen } from '../../test-support/auth';
import { DB_BASE, type Db } from '../../core/db/db';
import { failAuditOf } from '../../test-support/failing-audit';
import { input } from '../people/people.fixtures';
import { activeSigningKeyIn, publicKeys, signingKey } from './keys.service';

/** The kid a QR token was signed with, checked against the published keys. */
async function signedWith(db: Db, token: string): Promise<string> {
  const keys = new Map((await publicKeys(db, 'qr')).map((k) => [k.kid, k.publicKeyJwk as EcJwk]));
  let kid = '';
  const r = await verifyQrToken(token, { keys: (k) => ((kid = k), keys.get(k)), now: new Date() });
  assert.ok(r.ok, 'the token verifies with the published keys');
  return kid;
}

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

    it('a rotation on one server is followed by another on the same database at its next signature', async () => {
      // A second server: its own handle on the same database, so its own per-process key cache.
      const other: Db = { ...db, [DB_BASE]: {} } as Db;
      const second = await buildTestApp(other);
      try {
        const citizen = await signInCitizen(second, '0977000919');
        const own = await second.inject({
          method: 'POST',
          url: '/api/me/person',
          headers: citizen.headers,
          payload: input({ fullName: 'Lê Văn Khoá' }),
        });
        assert.equal(own.statusCode, 201, own.body);
        const myQr = async () => {
          const res = await second.inject({ method: 'GET', url: '/api/me/qr', headers: citizen.headers });
          assert.equal(res.statusCode, 200, res.body);
          return signedWith(db, res.json().token);
        };
        const before = await myQr(); // the second server has decrypted and cached the key
        await signingKey(other, 'dcc');
        const dccBefore = await other.transaction((tx) => activeSigningKeyIn(other, tx, 'dcc'));

        const admin = await signInAs(app, db, { role: 'national_admin', unitCode: null });
        for (const purpose of ['qr', 'dcc']) {
          const res = await app.inject({
            method: 'POST',
            url: `/api/keys/${purpose}/rotate`,
            headers: admin.headers,
          });
          assert.equal(res.statusCode, 200, res.body);
        }
        const active = async (purpose: 'qr' | 'dcc') =>
          (await publicKeys(db, purpose)).find((k) => k.status === 'active')!.kid;

        const after = await myQr();
        assert.notEqual(after, before);
        assert.equal(after, await active('qr'), 'the second server signs with the key rotated on the first');
        const dccAfter = await other.transaction((tx) => activeSigningKeyIn(other, tx, 'dcc'));
        assert.notEqual(dccAfter.kid, dccBefore.kid);
        assert.equal(dccAfter.kid, await active('dcc'), 'an event handler there too');
        assert.equal((await signingKey(other, 'dcc')).kid, await active('dcc'));
      } finally {
        await second.close();
      }
    });
  });
}
