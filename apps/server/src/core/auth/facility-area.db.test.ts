import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import { createLab } from '../../modules/lab/lab.fixtures';
import type { Db } from '../db/db';

/**
 * An account tied to a lab outside its own area (made before account creation checked it, or
 * straight in the database) acts for no lab: it cannot read that lab's queue or enter results there.
 */
for (const target of dbTargets()) {
  describe(`a facility outside the account's area counts for nothing (${target.name})`, () => {
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

    it('a Hà Nội lab: its own district’s technician reads the queue, a Hồ Chí Minh City one does not', async () => {
      const { labId } = await createLab(db); // Phúc Xá, Ba Đình, Hà Nội
      const inside = await signInAs(app, db, { role: 'lab_supervisor', unitCode: '001', facilityId: labId });
      const outside = await signInAs(app, db, { role: 'lab_supervisor', unitCode: '79', facilityId: labId });
      const queue = (headers: Record<string, string>) =>
        app.inject({ method: 'GET', url: '/api/lab/results/pending', headers });
      assert.equal((await queue(inside.headers)).statusCode, 200);
      const refused = await queue(outside.headers);
      assert.equal(refused.statusCode, 403, refused.body);
      assert.equal(refused.json().error.code, 'LAB_REQUIRED');
      const entry = await app.inject({
        method: 'POST',
        url: '/api/lab/results',
        headers: outside.headers,
        payload: { barcode: 'PD00000001', result: 'negative' },
      });
      assert.equal(entry.statusCode, 403, entry.body);
    });
  });
}
