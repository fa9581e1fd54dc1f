import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';
import { signInAs } from '../../test-support/auth';
import { personStatus } from '../status';
import { createTube, labWithStaff } from '../lab/lab.fixtures';
import { createCasePerson, releaseResult } from './cases.fixtures';

for (const target of dbTargets()) {
  describe(`cases: a lab's correction of the confirming result (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let labId: string;
    let staff: { tech: { cookie: string }; supervisor: { cookie: string } };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const lab = await labWithStaff(app, db);
      labId = lab.labId;
      staff = lab;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const correct = async (barcode: string, result: 'positive' | 'negative') => {
      const r = await app.inject({
        method: 'POST',
        url: `/api/lab/results/${encodeURIComponent(barcode)}/correction`,
        headers: staff.supervisor,
        payload: {
          result,
          reason: 'Nhầm ống khi nhập tay (biên bản số 7)',
          ...(result === 'positive' ? { ctValues: { N: 21 } } : {}),
        },
      });
      assert.equal(r.statusCode, 200, r.body);
      await app.events.pass();
    };
    const casesOf = (personId: string) =>
      db.query<{
        id: string;
        status: string;
        closed_reason: string | null;
        sample_date: string;
        version: number;
      }>(
        `select id::text as id, status, closed_reason, sample_date::text as sample_date, version from cases
         where person_id = $1 order by created_at`,
        [personId],
      );
    const auditOf = (personId: string) =>
      db.query<{ action: string; actor: string | null }>(
        `select action, actor_account_id as actor from audit_log
         where person_id = $1 and action like 'case.%' order by id`,
        [personId],
      );

    it('the only confirming positive corrected to negative: the case is annulled, history kept, no longer red', async () => {
      const personId = await createCasePerson(db);
      const barcode = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, barcode, 'positive');
      await app.events.pass();
      const [opened] = await casesOf(personId);
      assert.equal(opened!.status, 'open');
      assert.equal((await personStatus(db, personId)).colour, 'red');

      await correct(barcode, 'negative');
      const [after] = await casesOf(personId);
      assert.deepEqual(
        { status: after!.status, reason: after!.closed_reason, version: after!.version },
        { status: 'closed', reason: 'annulled', version: 2 },
      );
      const confirmations = await db.query<{ barcode: string; annulled: boolean }>(
        'select barcode, annulled_at is not null as annulled from case_confirmations where case_id = $1',
        [opened!.id],
      );
      assert.deepEqual(confirmations, [{ barcode, annulled: true }], 'the confirmation is kept, marked');
      const history = await db.query<{ version: number; changed: string[]; by: string }>(
        'select version, changed, changed_by_account_id as by from case_history where case_id = $1 order by version',
        [opened!.id],
      );
      assert.deepEqual(history, [
        { version: 1, changed: ['opened'], by: 'system:cases.open-from-result' },
        { version: 2, changed: ['confirmation', 'status'], by: 'system:cases.follow-correction' },
      ]);
      assert.deepEqual(await auditOf(personId), [
        { action: 'case.open', actor: 'system:cases.open-from-result' },
        { action: 'case.annul', actor: 'system:cases.follow-correction' },
      ]);
      assert.notEqual((await personStatus(db, personId)).colour, 'red');

      // The officer's case page and list say so: annulled, when, and which confirmation.
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const page = await app.inject({ method: 'GET', url: `/api/cases/${opened!.id}`, headers: officer });
      assert.equal(page.statusCode, 200, page.body);
      const d = page.json();
      assert.equal(d.case.closedReason, 'annulled');
      assert.ok(Date.parse(d.case.closedAt) > 0);
      assert.equal(d.confirmations.length, 1);
      assert.ok(Date.parse(d.confirmations[0].annulledAt) > 0, 'the confirmation carries its annulment');
      const list = await app.inject({ method: 'GET', url: '/api/cases?status=closed', headers: officer });
      const listed = (list.json().items as { id: string; closedReason: string | null }[]).find(
        (c) => c.id === opened!.id,
      );
      assert.equal(listed?.closedReason, 'annulled');
    });

    it('one of two confirmations corrected away: the case stays open from the other, its window from the remaining sample', async () => {
      const personId = await createCasePerson(db);
      const first = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, first, 'positive');
      const second = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, second, 'positive');
      await app.events.pass();
      // The first tube's sample two days earlier: the window starts from it until it is corrected away.
      await db.query('update case_confirmations set sample_date = sample_date - 2 where barcode = $1', [
        first,
      ]);
      await db.query('update cases set sample_date = sample_date - 2 where person_id = $1', [personId]);
      const [before] = await casesOf(personId);
      await correct(first, 'negative');
      const [after] = await casesOf(personId);
      assert.equal(after!.status, 'open');
      assert.equal(after!.closed_reason, null);
      assert.ok(after!.sample_date > before!.sample_date, 'window from the confirmation that stands');
      assert.equal((await personStatus(db, personId)).colour, 'red');
      assert.deepEqual(
        (await auditOf(personId)).map((a) => a.action),
        ['case.open', 'case.confirmation_add', 'case.confirmation_annul'],
      );
    });

    it('a negative corrected to positive opens a case; corrected back and forth on an open case it is restored', async () => {
      const personId = await createCasePerson(db);
      const barcode = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, barcode, 'negative');
      await app.events.pass();
      assert.equal((await casesOf(personId)).length, 0);
      await correct(barcode, 'positive');
      const opened = await casesOf(personId);
      assert.equal(opened.length, 1);
      assert.equal(opened[0]!.status, 'open');
      assert.equal((await personStatus(db, personId)).colour, 'red');

      // A second tube keeps the case open while the first goes negative and comes back positive.
      const other = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, other, 'positive');
      await app.events.pass();
      await correct(barcode, 'negative');
      await correct(barcode, 'positive');
      const cases = await casesOf(personId);
      assert.equal(cases.length, 1, 'still the one case');
      const confirmations = await db.query<{ barcode: string; annulled: boolean }>(
        `select barcode, annulled_at is not null as annulled from case_confirmations where case_id = $1
         order by barcode`,
        [cases[0]!.id],
      );
      assert.deepEqual(
        confirmations,
        [barcode, other].sort().map((b) => ({ barcode: b, annulled: false })),
      );
    });
  });
}
