import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { vietnamDay } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { personStatus } from '../status';
import { createCasePerson } from './cases.fixtures';

for (const target of dbTargets()) {
  describe(`cases: investigation form and the case's colour (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('prefilled with the household; answers validated, stored, versioned and audited', async () => {
      const personId = await createCasePerson(db);
      const child = await createCasePerson(db, { fullName: 'Trần Bé Nhà' });
      await db.query('insert into person_family_links (person_id, member_id, relation) values ($1, $2, $3)', [
        personId,
        child,
        'con',
      ]);
      const opened = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: officer,
        payload: { personId, kind: 'manual', sampleDate: vietnamDay(new Date()) },
      });
      const id = opened.json().id as string;
      const url = `/api/cases/${id}/investigation`;
      const form = await app.inject({ method: 'GET', url, headers: officer });
      assert.equal(form.statusCode, 200, form.body);
      assert.equal(form.json().questionSetVersion, 'investigation-2021.1');
      assert.equal(form.json().version, 0);
      assert.deepEqual(form.json().known.household, [
        { personId: child, fullName: 'Trần Bé Nhà', relation: 'con' },
      ]);
      const put = (payload: object) => app.inject({ method: 'PUT', url, headers: officer, payload });
      const missing = await put({ version: 0, answers: { occupation: 'Giáo viên' } });
      assert.equal(missing.statusCode, 400);
      assert.deepEqual(
        missing
          .json()
          .error.details.map((d: { field: string }) => d.field)
          .sort(),
        ['answers.home_care_possible', 'answers.symptom_onset_known'],
      );
      const answers = { symptom_onset_known: false, home_care_possible: true, occupation: ' Giáo viên ' };
      const saved = await put({ version: 0, answers });
      assert.equal(saved.statusCode, 200, saved.body);
      assert.equal(saved.json().version, 1);
      const stale = await put({ version: 0, answers });
      assert.equal(stale.json().error.code, 'CASE_VERSION_CONFLICT');
      const again = (await app.inject({ method: 'GET', url, headers: officer })).json();
      assert.deepEqual(again.answers, {
        symptom_onset_known: false,
        occupation: 'Giáo viên',
        home_care_possible: true,
      });
      const audit = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where person_id = $1 and action = 'case.investigation_save'`,
        [personId],
      );
      assert.equal(audit[0]!.n, 1);
    });

    it('an open case makes the person red; a death closes it and the case no longer colours them', async () => {
      const personId = await createCasePerson(db);
      const opened = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers: officer,
        payload: { personId, kind: 'manual', sampleDate: vietnamDay(new Date()) },
      });
      assert.equal((await personStatus(db, personId)).colour, 'red');
      const closed = await app.inject({
        method: 'PATCH',
        url: `/api/cases/${opened.json().id}`,
        headers: officer,
        payload: { version: 1, outcome: 'died' },
      });
      assert.equal(closed.statusCode, 200, closed.body);
      assert.notEqual((await personStatus(db, personId)).colour, 'red');
    });
  });
}
