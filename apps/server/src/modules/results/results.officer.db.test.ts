import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createPerson, createTube, labWithStaff } from '../lab/lab.fixtures';

for (const target of dbTargets()) {
  describe(`officers read a person's released results (${target.name})`, () => {
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

    it('in the jurisdiction only, audited, released results only', async () => {
      const { labId, tech, supervisor } = await labWithStaff(app, db);
      const personId = await createPerson(db, { communeCode: '00001' });
      const barcode = await createTube(db, { labId, members: [personId] });
      const inside = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const outside = await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' });
      const read = (headers: { cookie: string }) =>
        app.inject({ method: 'GET', url: `/api/people/${personId}/results`, headers });

      const enter = await app.inject({
        method: 'POST',
        url: '/api/lab/results',
        headers: tech,
        payload: { barcode, result: 'positive' },
      });
      assert.equal(enter.statusCode, 200, enter.body);
      assert.deepEqual((await read(inside.headers)).json().results, [], 'not yet verified: not released');

      const verify = await app.inject({
        method: 'POST',
        url: '/api/lab/results/verify',
        headers: supervisor,
        payload: { barcodes: [barcode] },
      });
      assert.equal(verify.statusCode, 200, verify.body);
      const res = await read(inside.headers);
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json().results as { result: string }[];
      assert.equal(results.length, 1);
      assert.equal(results[0]?.result, 'positive');

      const audits = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'results.read' and person_id = $1`,
        [personId],
      );
      assert.equal(audits[0]?.n, 2);

      const denied = await read(outside.headers);
      assert.equal(denied.statusCode, 403);
      assert.doesNotMatch(denied.body, /positive/);
    });
  });
}
