import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { caseForTracing, openCaseForPerson, setCaseCluster, setSourceCase } from './index';
import { createCasePerson, nextBarcode } from './cases.fixtures';

const lab = (barcode: string, sampleDate: string) => ({
  kind: 'lab_result' as const,
  barcode,
  testType: 'rt_pcr' as const,
  sampleDate,
  ruleVersion: 'vn-2022.1',
});

for (const target of dbTargets()) {
  describe(`cases: openCaseForPerson (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.close();
    });

    it('opens one case; a second positive tube adds a confirmation; the same tube again adds nothing', async () => {
      const personId = await createCasePerson(db);
      const first = await db.transaction((tx) =>
        openCaseForPerson(tx, personId, lab(nextBarcode(), '2026-11-20')),
      );
      assert.deepEqual({ opened: first.opened, added: first.added }, { opened: true, added: true });
      const second = await db.transaction((tx) =>
        openCaseForPerson(tx, personId, lab(nextBarcode(), '2026-11-18')),
      );
      assert.deepEqual(second, { caseId: first.caseId, opened: false, added: true });
      const barcode = nextBarcode();
      await db.transaction((tx) => openCaseForPerson(tx, personId, lab(barcode, '2026-11-22')));
      const again = await db.transaction((tx) => openCaseForPerson(tx, personId, lab(barcode, '2026-11-22')));
      assert.deepEqual(again, { caseId: first.caseId, opened: false, added: false });

      const cases = await db.query<{ n: number }>(
        'select count(*)::int as n from cases where person_id = $1',
        [personId],
      );
      assert.equal(cases[0]!.n, 1);
      const confirmations = await db.query<{ n: number }>(
        'select count(*)::int as n from case_confirmations where case_id = $1',
        [first.caseId],
      );
      assert.equal(confirmations[0]!.n, 3);
      const t = await caseForTracing(db, first.caseId);
      assert.deepEqual(t, {
        id: first.caseId,
        personId,
        status: 'open',
        closedReason: null,
        // the earliest confirming sample, though it was released second
        sampleDate: '2026-11-18',
        symptomOnset: null,
        isolatedAt: null,
        communeCode: '00001',
        unitStructure: 'pre2025',
        sourceCaseId: null,
      });
      const events = await db.query<{ type: string; payload: { changed?: string[] } }>(
        `select type, payload from domain_events where payload->>'caseId' = $1 order by id`,
        [first.caseId],
      );
      assert.deepEqual(
        events.map((e) => [e.type, e.payload.changed ?? null]),
        [
          ['case.opened', null],
          ['case.updated', ['confirmation', 'sampleDate']],
          ['case.updated', ['confirmation']],
        ],
      );
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where person_id = $1 and action like 'case.%' order by id`,
        [personId],
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['case.open', 'case.confirmation_add', 'case.confirmation_add'],
      );
    });

    it('two concurrent positive results of one person open one case', async () => {
      const personId = await createCasePerson(db);
      const results = await Promise.all(
        [nextBarcode(), nextBarcode()].map((b) =>
          db.transaction((tx) => openCaseForPerson(tx, personId, lab(b, '2026-11-20'))),
        ),
      );
      assert.equal(results[0]!.caseId, results[1]!.caseId);
      assert.equal(results.filter((r) => r.opened).length, 1);
    });

    it('caseForTracing answers null for an unknown or malformed id', async () => {
      assert.equal(await caseForTracing(db, '00000000-0000-4000-8000-000000000000'), null);
      assert.equal(await caseForTracing(db, 'not-a-uuid'), null);
    });
  });
}

for (const target of dbTargets()) {
  describe(`cases: links set by tracing (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => {
      await db.close();
    });

    it('setSourceCase and setCaseCluster make a new version with history and event; the same value again, none', async () => {
      const source = await db.transaction((tx) =>
        openCaseForPerson(tx, '00000000-0000-4000-8000-000000000000', lab(nextBarcode(), '2026-11-20')).catch(
          () => null,
        ),
      );
      assert.equal(source, null, 'an unknown person has no case');
      const a = await createCasePerson(db);
      const b = await createCasePerson(db);
      const first = await db.transaction((tx) => openCaseForPerson(tx, a, lab(nextBarcode(), '2026-11-18')));
      const second = await db.transaction((tx) => openCaseForPerson(tx, b, lab(nextBarcode(), '2026-11-21')));
      const cluster = '11111111-2222-4333-8444-555555555555';
      assert.equal(await db.transaction((tx) => setSourceCase(tx, second.caseId, first.caseId)), 2);
      assert.equal(await db.transaction((tx) => setCaseCluster(tx, second.caseId, cluster)), 3);
      assert.equal(await db.transaction((tx) => setCaseCluster(tx, second.caseId, cluster)), 3);
      await assert.rejects(db.transaction((tx) => setSourceCase(tx, second.caseId, second.caseId)));
      const t = await caseForTracing(db, second.caseId);
      assert.equal(t?.sourceCaseId, first.caseId);
      const events = await db.query<{ payload: { changed: string[] } }>(
        `select payload from domain_events where type = 'case.updated' and payload->>'caseId' = $1 order by id`,
        [second.caseId],
      );
      assert.deepEqual(
        events.map((e) => e.payload.changed),
        [['sourceCaseId'], ['clusterId']],
      );
    });
  });
}
