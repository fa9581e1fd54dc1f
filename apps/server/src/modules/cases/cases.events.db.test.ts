import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';
import { personStatus } from '../status';
import { createTube, labWithStaff } from '../lab/lab.fixtures';
import { createCasePerson, releaseResult } from './cases.fixtures';
import { openCaseForPerson } from './index';
import { sealAudit, verifyAuditChain } from '../../core/audit/audit';

for (const target of dbTargets()) {
  describe(`cases: opened from released positive results (${target.name})`, () => {
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

    const casesOf = (personId: string) =>
      db.query<{ id: string; status: string; sample_date: string; confirmation: { labId?: string } }>(
        `select id::text as id, status, sample_date::text as sample_date, confirmation from cases
         where person_id = $1`,
        [personId],
      );

    it('two positive results of one person: one case with both confirmations, red while open', async () => {
      const personId = await createCasePerson(db);
      const first = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, first, 'positive');
      await app.events.pass();
      const opened = await casesOf(personId);
      assert.equal(opened.length, 1);
      assert.equal(opened[0]!.status, 'open');
      assert.equal(opened[0]!.confirmation.labId, labId);
      const second = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, second, 'positive');
      await app.events.pass();
      const after = await casesOf(personId);
      assert.deepEqual(
        after.map((c) => c.id),
        [opened[0]!.id],
      );
      const confirmations = await db.query<{ barcode: string }>(
        'select barcode from case_confirmations where case_id = $1 order by confirmed_at, barcode',
        [opened[0]!.id],
      );
      assert.deepEqual(confirmations.map((c) => c.barcode).sort(), [first, second].sort());
      const status = await personStatus(db, personId);
      assert.equal(status.colour, 'red');
    });

    it('a retried event (its handling record lost) opens nothing twice', async () => {
      const personId = await createCasePerson(db);
      const barcode = await createTube(db, { labId, members: [personId] });
      await releaseResult(app, staff, barcode, 'positive');
      await app.events.pass();
      // As if the dispatcher had run the handler and died before recording it: run it again.
      await db.query(
        `delete from domain_event_handlings where handler = 'cases.open-from-result' and event_id in
           (select id from domain_events where type = 'test.positive' and payload->>'personId' = $1)`,
        [personId],
      );
      await db.query(
        `update domain_events set processed_at = null where type = 'test.positive' and payload->>'personId' = $1`,
        [personId],
      );
      await app.events.pass();
      assert.equal((await casesOf(personId)).length, 1);
      const confirmations = await db.query<{ n: number }>(
        `select count(*)::int as n from case_confirmations k join cases c on c.id = k.case_id where c.person_id = $1`,
        [personId],
      );
      assert.equal(confirmations[0]!.n, 1);
      const opened = await db.query<{ n: number }>(
        `select count(*)::int as n from domain_events where type = 'case.opened' and payload->>'personId' = $1`,
        [personId],
      );
      assert.equal(opened[0]!.n, 1);
    });

    it('a negative result, a positive pool and a non-confirming rapid test open no case', async () => {
      const negative = await createCasePerson(db);
      await releaseResult(app, staff, await createTube(db, { labId, members: [negative] }), 'negative');
      const pooled = [await createCasePerson(db), await createCasePerson(db)];
      await releaseResult(app, staff, await createTube(db, { labId, members: pooled }), 'positive');
      const rapid = await createCasePerson(db);
      await releaseResult(
        app,
        staff,
        await createTube(db, { labId, members: [rapid], testType: 'rapid_antigen' }),
        'positive',
        { rapid: true },
      );
      await app.events.pass();
      for (const p of [negative, ...pooled, rapid]) assert.equal((await casesOf(p)).length, 0);
    });

    it('a burst handled in one pass: one case each, a person twice or already open added to, audited as the system', async () => {
      const [twice, one, other, open] = [
        await createCasePerson(db),
        await createCasePerson(db),
        await createCasePerson(db),
        await createCasePerson(db),
      ];
      const existing = await db.transaction((tx) =>
        openCaseForPerson(tx, open!, { kind: 'manual', sampleDate: '2026-11-20', ruleVersion: 'vn-2022.1' }),
      );
      const tubes = [twice, twice, one, other, open];
      for (const p of tubes)
        await releaseResult(app, staff, await createTube(db, { labId, members: [p!] }), 'positive');
      await app.events.pass();
      const cases = await db.query<{ person_id: string; id: string; n: number }>(
        `select c.person_id::text as person_id, c.id::text as id,
           (select count(*)::int from case_confirmations k where k.case_id = c.id) as n
         from cases c where c.person_id = any($1::uuid[]) order by c.person_id`,
        [[twice, one, other, open]],
      );
      const byPerson = new Map(cases.map((c) => [c.person_id, c]));
      assert.equal(cases.length, 4, 'one case per person');
      assert.equal(byPerson.get(twice!)!.n, 2);
      assert.equal(byPerson.get(one!)!.n, 1);
      assert.equal(byPerson.get(open!)!.id, existing.caseId, 'the open case got the confirmation');
      assert.equal(byPerson.get(open!)!.n, 2);
      const audit = await db.query<{ action: string; actor_account_id: string | null; n: number }>(
        `select action, actor_account_id, count(*)::int as n from audit_log
         where person_id = any($1::uuid[]) and action like 'case.%'
         group by action, actor_account_id order by action`,
        [[twice, one, other, open]],
      );
      assert.deepEqual(audit, [
        { action: 'case.confirmation_add', actor_account_id: 'system:cases.open-from-result', n: 2 },
        // the open case's own entry included: opened without a named actor, it too is the platform's
        { action: 'case.open', actor_account_id: 'system:cases.open-from-result', n: 4 },
      ]);
      const history = await db.query<{ by: string | null }>(
        `select changed_by_account_id as by from case_history where case_id = $1 order by version`,
        [byPerson.get(one!)!.id],
      );
      assert.deepEqual(history, [{ by: 'system:cases.open-from-result' }]);
      const opened = await db.query<{ n: number }>(
        `select count(*)::int as n from domain_events where type = 'case.opened' and payload->>'personId' = any($1::text[])`,
        [[twice, one, other]],
      );
      assert.equal(opened[0]!.n, 3, 'one case.opened per new case');
      await sealAudit(db, { wait: true });
      const chain = await verifyAuditChain(db);
      assert.equal(chain.ok, true, 'the batch’s entries carry valid MACs and chain');
      // The batch's own entries are all in the verified chain. (The app's timers keep working meanwhile:
      // tracing's handlers audit what these cases set off, so an entry written after the seal may wait
      // for the next one; counting every unsealed entry raced them.)
      const unsealed = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log
         where person_id = any($1::uuid[]) and action like 'case.%' and hash is null`,
        [[twice, one, other, open]],
      );
      assert.equal(unsealed[0]!.n, 0);
    });
  });
}
