import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';

const shop = { kind: 'shop', name: 'Tạp hóa Cô Ba', communeCode: '00001', street: '12 Phó Đức Chính' };

for (const target of dbTargets()) {
  describe(`/api/auth/me: staffsVenue (${target.name})`, () => {
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

    const me = async (headers: { cookie: string }) =>
      (await app.inject({ method: 'GET', url: '/api/auth/me', headers })).json().account as {
        staffsVenue: boolean;
      };

    it('is true for a point’s owner and for staff named by phone (before or after they sign in), false otherwise', async () => {
      const owner = (await signInCitizen(app, '0912000101')).headers;
      const staff = (await signInCitizen(app, '0912000102')).headers;
      const plain = (await signInCitizen(app, '0912000103')).headers;
      assert.equal((await me(owner)).staffsVenue, false);
      const venue = await app.inject({ method: 'POST', url: '/api/venues', headers: owner, payload: shop });
      assert.equal(venue.statusCode, 201, venue.body);
      const added = await app.inject({
        method: 'POST',
        url: `/api/venues/${venue.json().id}/staff`,
        headers: owner,
        payload: { phone: '0912000102' },
      });
      assert.ok(added.statusCode < 300, added.body);
      assert.equal((await me(owner)).staffsVenue, true);
      assert.equal((await me(staff)).staffsVenue, true);
      assert.equal((await me(plain)).staffsVenue, false);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      assert.equal((await me(officer)).staffsVenue, false);
    });
  });
}
