import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createPerson, createTube, labWithStaff } from './lab.fixtures';

for (const target of dbTargets()) {
  describe(`testing figures (${target.name})`, () => {
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

    it('counts samples by state, positivity and turnaround per commune/day and per lab, within jurisdiction', async () => {
      const { labId, name, tech, supervisor: sup } = await labWithStaff(app, db);
      const collectedAt = new Date(Date.now() - 10 * 3600_000);
      const tube = async (status?: 'used' | 'in_transit' | 'received') =>
        createTube(db, { labId, members: [await createPerson(db)], status, collectedAt });
      const [pos, neg, waiting] = [await tube(), await tube(), await tube()];
      await tube('in_transit');
      const pool = await createTube(db, {
        labId,
        members: [await createPerson(db), await createPerson(db), await createPerson(db)],
        collectedAt,
      });
      for (const [barcode, result] of [
        [pos, 'positive'],
        [neg, 'negative'],
        [pool, 'positive'],
      ] as const) {
        await app.inject({
          method: 'POST',
          url: '/api/lab/results',
          headers: tech,
          payload: { barcode, result },
        });
      }
      await app.inject({
        method: 'POST',
        url: '/api/lab/results/verify',
        headers: sup,
        payload: { barcodes: [pos, neg, pool] },
      });
      assert.ok(waiting);

      const day = new Date(collectedAt.getTime() + 7 * 3600_000).toISOString().slice(0, 10);
      const officer = (await signInAs(app, db, { role: 'district_officer', unitCode: '001' })).headers;
      const res = await app.inject({
        method: 'GET',
        url: `/api/testing/figures?level=commune&unitCode=001&from=${day}&to=${day}`,
        headers: officer,
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.equal(body.rows.length, 1);
      const row = body.rows[0];
      assert.deepEqual(
        [
          row.unitCode,
          row.day,
          row.samplesTaken,
          row.inTransit,
          row.pending,
          row.resulted,
          row.positives,
          row.positivityRate,
        ],
        ['00001', day, 5, 1, 1, 3, 2, 0.6667],
      );
      // Pools and individual tubes apart: one positive pool must not read as a positive person.
      assert.deepEqual(row.individual, { resulted: 2, positives: 1, positivityRate: 0.5 });
      assert.deepEqual(row.pools, { resulted: 1, positives: 1, positivityRate: 1 });
      assert.deepEqual([row.tubes, row.peopleSampled], [5, 7]);
      assert.ok(row.turnaroundP50Hours >= 9.9 && row.turnaroundP90Hours >= row.turnaroundP50Hours);
      assert.equal(body.labs[0].labName, name);
      assert.equal(body.labs[0].resulted, 3);
      assert.deepEqual(body.labs[0].individual, { resulted: 2, positives: 1, positivityRate: 0.5 });

      const other = (await signInAs(app, db, { role: 'district_officer', unitCode: '769' })).headers;
      const denied = await app.inject({
        method: 'GET',
        url: `/api/testing/figures?unitCode=001&from=${day}&to=${day}`,
        headers: other,
      });
      assert.equal(denied.statusCode, 403);
      assert.equal(
        (
          await app.inject({
            method: 'GET',
            url: `/api/testing/figures?from=${day}&to=${day}`,
            headers: tech,
          })
        ).statusCode,
        403,
      );
    });
  });
}
