import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { cccdFor } from './people.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`people HTTP API (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let phucXa: Headers;
    let hcmc: Headers;
    const cccd = cccdFor(1990, 'male');
    const body = {
      fullName: 'Nguyễn Văn An',
      birthDate: '1990-03-15',
      sex: 'male',
      cccd,
      communeCode: '00001',
    };
    let id: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      hcmc = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('creates idempotently, refuses a reused key and a duplicate', async () => {
      const post = (payload: object, key?: string) =>
        app.inject({
          method: 'POST',
          url: '/api/people',
          headers: { ...phucXa, ...(key ? { 'idempotency-key': key } : {}) },
          payload,
        });
      const first = await post(body, 'k1');
      assert.equal(first.statusCode, 201, first.body);
      id = first.json().id;
      const again = await post(body, 'k1');
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().id, id);
      assert.equal(
        (await post({ ...body, street: 'khác' }, 'k1')).json().error.code,
        'IDEMPOTENCY_KEY_REUSED',
      );
      const dup = await post(body);
      assert.equal(dup.statusCode, 409);
      assert.deepEqual(
        [dup.json().error.code, dup.json().error.details[0].field],
        ['DUPLICATE_PERSON', 'existingId'],
      );
      const bad = await post({ ...body, cccd: '001190001234' });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].field, 'cccd');
    });

    it('searches by POST, masks outside the jurisdiction, breaks the glass with a reason', async () => {
      const search = await app.inject({
        method: 'POST',
        url: '/api/people/search',
        headers: phucXa,
        payload: { q: 'nguyen van an' },
      });
      assert.deepEqual(
        search.json().items.map((i: { id: string }) => i.id),
        [id],
      );
      const outside = await app.inject({ method: 'GET', url: `/api/people/${id}`, headers: hcmc });
      assert.equal(outside.statusCode, 200);
      assert.deepEqual(
        [outside.json().masked, outside.json().canBreakGlass, outside.json().fullName],
        [true, true, 'N*** V** A*'],
      );
      const noReason = await app.inject({
        method: 'POST',
        url: `/api/people/${id}/break-glass`,
        headers: hcmc,
        payload: { reason: 'ngắn' },
      });
      assert.equal(noReason.json().error.code, 'BREAK_GLASS_REASON_REQUIRED');
      const opened = await app.inject({
        method: 'POST',
        url: `/api/people/${id}/break-glass`,
        headers: hcmc,
        payload: { reason: 'Truy vết ca bệnh tại Quận 1' },
      });
      assert.deepEqual([opened.statusCode, opened.json().cccd], [200, cccd]);
      const anonymous = await app.inject({ method: 'GET', url: `/api/people/${id}` });
      assert.equal(anonymous.statusCode, 401);
    });

    it('updates with a version and shows duplicates and history', async () => {
      const patch = (version: number) =>
        app.inject({
          method: 'PATCH',
          url: `/api/people/${id}`,
          headers: phucXa,
          payload: { street: 'Ngõ 5', version },
        });
      assert.equal((await patch(1)).json().version, 2);
      assert.equal((await patch(1)).statusCode, 409);
      const dups = await app.inject({ method: 'GET', url: `/api/people/${id}/duplicates`, headers: phucXa });
      assert.deepEqual(dups.json(), { items: [] });
      const history = await app.inject({ method: 'GET', url: `/api/people/${id}/history`, headers: phucXa });
      assert.deepEqual(
        history.json().items.map((h: { kind: string }) => h.kind),
        ['create', 'update'],
      );
      assert.match(history.json().items[0].actorName, /Cán bộ/);
    });

    it('lets a citizen create their record and declare family, but not search', async () => {
      const { headers } = await signInCitizen(app, '0977 123 456');
      const empty = await app.inject({ method: 'GET', url: '/api/me/person', headers });
      assert.deepEqual(empty.json(), { person: null, family: [] });
      const own = await app.inject({
        method: 'POST',
        url: '/api/me/person',
        headers,
        payload: { fullName: 'Lê Thị Mai', birthYear: 1980, sex: 'female', communeCode: '26734' },
      });
      assert.equal(own.statusCode, 201, own.body);
      assert.deepEqual(own.json().phones, ['+84977123456']);
      const member = {
        fullName: 'Lê Minh Khang',
        birthDate: '2012-09-09',
        sex: 'male',
        communeCode: '26734',
        relation: 'con',
      };
      const fam = await app.inject({
        method: 'POST',
        url: '/api/me/family',
        headers: { ...headers, 'idempotency-key': 'f1' },
        payload: member,
      });
      const famAgain = await app.inject({
        method: 'POST',
        url: '/api/me/family',
        headers: { ...headers, 'idempotency-key': 'f1' },
        payload: member,
      });
      assert.equal(fam.statusCode, 201);
      assert.equal(famAgain.json().id, fam.json().id);
      const mine = await app.inject({ method: 'GET', url: '/api/me/person', headers });
      assert.deepEqual(
        mine.json().family.map((p: { id: string }) => p.id),
        [fam.json().id],
      );
      const child = await app.inject({ method: 'GET', url: `/api/people/${fam.json().id}`, headers });
      assert.deepEqual([child.statusCode, child.json().masked], [200, false]);
      assert.equal((await app.inject({ method: 'GET', url: `/api/people/${id}`, headers })).statusCode, 404);
      const search = await app.inject({
        method: 'POST',
        url: '/api/people/search',
        headers,
        payload: { q: 'nguyen' },
      });
      assert.equal(search.statusCode, 403);
    });
  });
}
