import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';

for (const target of dbTargets()) {
  describe(`health and error format (${target.name})`, () => {
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

    it('answers 200 when the database is reachable', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/health' });
      assert.equal(res.statusCode, 200);
      assert.deepEqual(res.json(), { status: 'ok', database: target.name });
    });

    it('serves an OpenAPI 3 document', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/openapi.json' });
      assert.equal(res.statusCode, 200);
      assert.match(res.json().openapi, /^3\./);
    });

    it('unknown routes get the catalogue error in both languages', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/nope' });
      assert.equal(res.statusCode, 404);
      const { error } = res.json();
      assert.equal(error.code, 'ROUTE_NOT_FOUND');
      assert.ok(error.message.vi && error.message.en);
    });
  });
}
