import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { auditRows } from './people.fixtures';
import { historyOf } from './people.repository';

type Headers = { cookie: string };

/** Issue #7 §4: a citizen edits their own record (PATCH /api/me/person), never its identity numbers. */
for (const target of dbTargets()) {
  describe(`citizen edits their own record (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let owner: Headers;
    let other: Headers;
    let ownId: string;
    let otherId: string;
    const patchMe = (headers: Headers, payload: object) =>
      app.inject({ method: 'PATCH', url: '/api/me/person', headers, payload });
    const getMe = async (headers: Headers) =>
      (await app.inject({ method: 'GET', url: '/api/me/person', headers })).json().person;

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const create = async (headers: Headers, fullName: string) => {
        const res = await app.inject({
          method: 'POST',
          url: '/api/me/person',
          headers,
          payload: { fullName, birthYear: 1980, sex: 'female', communeCode: '00001', street: 'Số 1 Ngõ Cũ' },
        });
        assert.equal(res.statusCode, 201, res.body);
        return res.json().id as string;
      };
      owner = (await signInCitizen(app, '0977 100 200')).headers;
      other = (await signInCitizen(app, '0977 300 400')).headers;
      ownId = await create(owner, 'Lê Thị Mai');
      otherId = await create(other, 'Vũ Thị Lan');
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('saves the own edit with history and an audit marked as the citizen’s own change', async () => {
      const before = await getMe(owner);
      const res = await patchMe(owner, { street: 'Số 9 Ngõ Mới', version: before.version });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().id, ownId);
      assert.equal(res.json().street, 'Số 9 Ngõ Mới');
      assert.equal(res.json().version, before.version + 1);
      assert.equal((await getMe(owner)).street, 'Số 9 Ngõ Mới');

      const history = await historyOf(db, ownId);
      assert.deepEqual(
        history.map((h) => h.kind),
        ['create', 'update'],
      );
      assert.deepEqual(Object.keys(history[1]!.changes), ['street']);
      const audits = await auditRows(db, 'person.update', ownId);
      assert.equal(audits.length, 1);
      assert.deepEqual(audits[0]!.details, { fields: ['street'], as: 'citizen', own: true });

      const untouched = await getMe(other);
      assert.equal(untouched.id, otherId);
      assert.equal(untouched.street, 'Số 1 Ngõ Cũ');
      assert.equal(untouched.version, 1);
      assert.equal((await auditRows(db, 'person.update', otherId)).length, 0);
    });

    it('refuses identity numbers with a field error and changes nothing', async () => {
      const current = await getMe(owner);
      const res = await patchMe(owner, {
        fullName: 'Tên Khác',
        cccd: '001180000001',
        bhyt: 'HS4010012345678',
        version: current.version,
      });
      assert.equal(res.statusCode, 400, res.body);
      const body = res.json();
      assert.equal(body.error.code, 'VALIDATION_FAILED');
      assert.deepEqual(
        body.error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
        [
          ['cccd', 'OWN_ID_NUMBER_BY_OFFICER'],
          ['bhyt', 'OWN_ID_NUMBER_BY_OFFICER'],
        ],
      );
      const after = await getMe(owner);
      assert.equal(after.fullName, current.fullName);
      assert.equal(after.cccd, null);
      assert.equal(after.version, current.version);
    });

    it('answers a stale version with 409 CONFLICT and keeps the saved value', async () => {
      const current = await getMe(owner);
      const stale = await patchMe(owner, { street: 'Ghi đè cũ', version: current.version - 1 });
      assert.equal(stale.statusCode, 409, stale.body);
      assert.equal(stale.json().error.code, 'CONFLICT');
      assert.equal((await getMe(owner)).street, current.street);
    });

    it('answers 404 NOT_FOUND to a citizen without a record', async () => {
      const nobody = (await signInCitizen(app, '0977 500 600')).headers;
      const res = await patchMe(nobody, { street: 'Số 5', version: 1 });
      assert.equal(res.statusCode, 404, res.body);
      assert.equal(res.json().error.code, 'NOT_FOUND');
      assert.equal(await getMe(nobody), null);
    });
  });
}
