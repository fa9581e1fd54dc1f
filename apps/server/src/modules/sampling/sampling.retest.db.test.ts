import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createLabels, createPerson, createSession, link, type Headers } from './sampling.fixtures';

for (const target of dbTargets()) {
  describe(`sampling: a member of a positive pool is re-tested alone (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let sampler: Headers;
    let session: { id: string; poolSize: number };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      session = await createSession(app, officer, { poolSize: 5 });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('flags the re-test, seals the tube with that person alone, and never pools them with anyone', async () => {
      const retest = await createPerson(db);
      const other = await createPerson(db);
      // The lab's release of a positive pool opened this task (see lab.release.ts).
      await db.query(`insert into retest_tasks (person_id, pool_barcode) values ($1, 'POOL-1')`, [retest]);
      const [alone, shared] = (await createLabels(app, sampler, 2)).barcodes;

      const first = await link(app, sampler, { sessionId: session.id, barcode: alone!, personId: retest });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().warnings[0].code, 'RETEST_INDIVIDUAL');
      assert.match(first.json().warnings[0].message.vi, /POOL-1/);
      assert.equal(first.json().tube.sealed, true, 'the re-test tube holds this person only');
      const next = await link(app, sampler, { sessionId: session.id, barcode: alone!, personId: other });
      assert.equal(next.json().error.code, 'TUBE_SEALED');

      assert.equal(
        (await link(app, sampler, { sessionId: session.id, barcode: shared!, personId: other })).statusCode,
        200,
      );
      const pooled = await link(app, sampler, { sessionId: session.id, barcode: shared!, personId: retest });
      assert.equal(pooled.statusCode, 409);
      assert.equal(pooled.json().error.code, 'RETEST_NEEDS_INDIVIDUAL_TUBE');
    });
  });
}
