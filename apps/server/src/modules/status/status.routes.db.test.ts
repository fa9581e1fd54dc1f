import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { StatusFact } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { input } from '../people/people.fixtures';
import { registerStatusSource } from './status.sources';

const facts = new Map<string, StatusFact[]>();
registerStatusSource({ name: 'test-status-routes', facts: async (_q, id) => facts.get(id) ?? [] });

for (const target of dbTargets()) {
  describe(`person status for officers (${target.name})`, () => {
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

    it('computes the colour from registered sources, within jurisdiction only', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const p = await app.inject({
        method: 'POST',
        url: '/api/people',
        headers: officer.headers,
        payload: input(),
      });
      const id = p.json().id as string;
      const read = () =>
        app.inject({ method: 'GET', url: `/api/people/${id}/status`, headers: officer.headers });
      assert.equal((await read()).json().colour, 'green');
      facts.set(id, [{ source: 'contact', kind: 'f1_active', at: new Date().toISOString() }]);
      const red = (await read()).json();
      assert.equal(red.colour, 'orange', 'an F1 is orange (vn-2021.2)');
      assert.ok(red.ruleSetVersion);
      const far = await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' });
      const denied = await app.inject({
        method: 'GET',
        url: `/api/people/${id}/status`,
        headers: far.headers,
      });
      assert.equal(denied.statusCode, 403);
      const rules = await app.inject({ method: 'GET', url: '/api/status/rules', headers: officer.headers });
      assert.ok(rules.json().sources.includes('test-status-routes'));
      assert.ok(rules.json().ruleSets.length >= 1);
    });
  });
}
