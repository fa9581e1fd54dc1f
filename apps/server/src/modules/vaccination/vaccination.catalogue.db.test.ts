import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { COVID19_VN_CATALOGUE } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';

for (const target of dbTargets()) {
  describe(`vaccination catalogue as versioned data (${target.name})`, () => {
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

    it('serves the built-in version; a national administrator adds a new one, never changes one in place', async () => {
      const admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      const list = (await app.inject({ method: 'GET', url: '/api/vaccination/catalogue' })).json();
      assert.deepEqual(
        list.map((c: { version: string; inForce: boolean }) => [c.version, c.inForce]),
        [['covid19-vn-2021.1', true]],
      );
      assert.equal(list[0].products.length, 9);
      const next = structuredClone(COVID19_VN_CATALOGUE);
      next.version = 'covid19-vn-2022.1';
      next.effectiveFrom = '2022-06-01T00:00:00+07:00';
      next.boosters[1]!.minAgeYears = 18;
      const post = (headers: object, payload: object) =>
        app.inject({ method: 'POST', url: '/api/vaccination/catalogue', headers: headers as never, payload });
      const created = await post(admin, next);
      assert.equal(created.statusCode, 201, created.body);
      // The same version again, or one taking effect before the latest: refused, nothing changes.
      assert.equal((await post(admin, next)).json().error.code, 'VACCINE_CATALOGUE_VERSION_EXISTS');
      const earlier = { ...next, version: 'covid19-vn-2021.9', effectiveFrom: '2021-12-01T00:00:00+07:00' };
      assert.equal((await post(admin, earlier)).json().error.code, 'VACCINE_CATALOGUE_VERSION_EXISTS');
      const after = (await app.inject({ method: 'GET', url: '/api/vaccination/catalogue' })).json();
      assert.deepEqual(
        after.map((c: { version: string; inForce: boolean }) => [c.version, c.inForce]),
        [
          ['covid19-vn-2022.1', true],
          ['covid19-vn-2021.1', false],
        ],
      );
      assert.equal(after[1].boosters[1].minAgeYears, 50, 'the earlier version is unchanged');
      const officer = (await signInAs(app, db, { role: 'province_officer', unitCode: '01' })).headers;
      assert.equal((await post(officer, { ...next, version: 'x' })).statusCode, 403);
    });

    it('refuses codes outside the DCC value sets and broken references, naming the fields', async () => {
      const admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      const bad = structuredClone(COVID19_VN_CATALOGUE);
      bad.version = 'covid19-vn-bad';
      bad.effectiveFrom = '2030-01-01T00:00:00+07:00';
      bad.products[0]!.mp = 'NOT-A-VACCINE';
      const res = await app.inject({
        method: 'POST',
        url: '/api/vaccination/catalogue',
        headers: admin,
        payload: bad,
      });
      assert.equal(res.statusCode, 422);
      assert.equal(res.json().error.code, 'VACCINE_CATALOGUE_INVALID');
      const fields = res
        .json()
        .error.details.map((d: { field: string; code: string }) => `${d.field}:${d.code}`);
      assert.ok(fields.includes('products.0.mp:not_in_value_set'), fields.join(' '));
      assert.ok(
        fields.some((f: string) => f.endsWith(':unknown_product')),
        'mixWith now names an absent product',
      );
      // A new disease's catalogue needs no DCC code: the disease is a parameter.
      const flu = {
        ...structuredClone(COVID19_VN_CATALOGUE),
        disease: 'influenza',
        diseaseCode: '6142004',
        version: 'flu-2030.1',
      };
      flu.products = [
        {
          ...flu.products[0]!,
          mp: 'FLU-QUAD',
          ma: 'VABIOTECH',
          vp: 'influenza-inactivated',
          schedule: { ...flu.products[0]!.schedule, mixWith: [] },
        },
      ];
      flu.boosters = [];
      const ok = await app.inject({
        method: 'POST',
        url: '/api/vaccination/catalogue',
        headers: admin,
        payload: flu,
      });
      assert.equal(ok.statusCode, 201, ok.body);
      const list = (
        await app.inject({ method: 'GET', url: '/api/vaccination/catalogue?disease=influenza' })
      ).json();
      assert.equal(list[0].products[0].mp, 'FLU-QUAD');
    });
  });
}
