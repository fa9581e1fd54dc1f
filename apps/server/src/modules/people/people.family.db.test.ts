import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { cccdFor } from './people.fixtures';

type Headers = { cookie: string };

/**
 * Issue #8 item 5: a family declaration must not tell whether an identity number exists, and must not
 * let a citizen link (and then read) someone else's record.
 */
for (const target of dbTargets()) {
  describe(`family declarations (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let parent: Headers;
    let strangerId: string;
    const strangerCccd = cccdFor(1985, 'female');
    const freshCccd = cccdFor(2015, 'male');
    const child = { fullName: 'Phạm Gia Bảo', birthYear: 2015, sex: 'male', communeCode: '00001' };
    const addFamily = (payload: object) =>
      app.inject({ method: 'POST', url: '/api/me/family', headers: parent, payload });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const stranger = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: officer,
        payload: {
          fullName: 'Trần Thị Hoa',
          birthYear: 1985,
          sex: 'female',
          cccd: strangerCccd,
          communeCode: '00001',
        },
      });
      assert.equal(stranger.statusCode, 201, stranger.body);
      strangerId = stranger.json().id;
      parent = (await signInCitizen(app, '0988 111 222')).headers;
      const own = await app.inject({
        method: 'POST',
        url: '/api/me/person',
        headers: parent,
        payload: { fullName: 'Phạm Văn Long', birthYear: 1983, sex: 'male', communeCode: '00001' },
      });
      assert.equal(own.statusCode, 201, own.body);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('answers an identity number the same whether a record holds it or not', async () => {
      const taken = await addFamily({ ...child, cccd: strangerCccd, relation: 'con' });
      const fresh = await addFamily({ ...child, cccd: freshCccd, relation: 'con' });
      assert.equal(taken.statusCode, 400, taken.body);
      assert.equal(fresh.statusCode, taken.statusCode);
      const answer = (r: typeof taken) => ({ ...r.json().error, requestId: undefined });
      assert.deepEqual(answer(fresh), answer(taken));
      assert.deepEqual(
        taken.json().error.details.map((d: { field: string; code: string }) => [d.field, d.code]),
        [['cccd', 'FAMILY_NO_ID_NUMBER']],
      );
    });

    it("never links a stranger's record, by identity number or by phone", async () => {
      const byPhone = await addFamily({ ...child, phones: ['0977 333 444'], relation: 'con' });
      assert.equal(byPhone.statusCode, 400, byPhone.body);
      assert.equal(byPhone.json().error.details[0].code, 'FAMILY_NO_PHONE');
      const mine = await app.inject({ method: 'GET', url: '/api/me/person', headers: parent });
      assert.deepEqual(mine.json().family, []);
      const read = await app.inject({ method: 'GET', url: `/api/people/${strangerId}`, headers: parent });
      assert.equal(read.statusCode, 404);
      const links = await db.query('select 1 from person_family_links');
      assert.equal(links.length, 0);
    });

    it('still declares a dependant from name, birth year, sex and commune', async () => {
      const res = await addFamily({ ...child, relation: 'con' });
      assert.equal(res.statusCode, 201, res.body);
      const mine = await app.inject({ method: 'GET', url: '/api/me/person', headers: parent });
      assert.deepEqual(
        mine.json().family.map((p: { id: string }) => p.id),
        [res.json().id],
      );
    });
  });
}
