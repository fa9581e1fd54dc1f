import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { vietnamDay } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createTube, labWithStaff } from '../lab/lab.fixtures';
import { createCasePerson, releaseResult } from './cases.fixtures';

const DAY = 86_400_000;
const daysAgo = (n: number) => vietnamDay(new Date(Date.now() - n * DAY));
let seq = 0;
const clientId = () => `report-${process.pid}-${++seq}`;
const calm = { spo2: 98, temperature: 36.8, breathingRate: 16, symptoms: ['cough'] };

for (const target of dbTargets()) {
  describe(`cases over HTTP: manual cases, record, home isolation, release (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    let officerAccount: string;
    let outside: SessionHeaders;
    let lab: Awaited<ReturnType<typeof labWithStaff>>;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const signed = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      officer = signed.headers;
      officerAccount = signed.accountId;
      await db.query(`update accounts set phone = '+84912345678' where id = $1`, [officerAccount]);
      outside = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' })).headers;
      lab = await labWithStaff(app, db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const manual = (headers: SessionHeaders, personId: string, extra: object = {}) =>
      app.inject({
        method: 'POST',
        url: '/api/cases',
        headers,
        payload: {
          personId,
          kind: 'manual',
          sampleDate: daysAgo(1),
          confirmedBy: 'Bệnh viện Bạch Mai',
          ...extra,
        },
      });

    it('an officer enters a case confirmed elsewhere; a second entry adds to the same case', async () => {
      const personId = await createCasePerson(db);
      const first = await manual(officer, personId);
      assert.equal(first.statusCode, 201, first.body);
      const again = await manual(officer, personId, { sampleDate: daysAgo(2) });
      assert.equal(again.statusCode, 200, again.body);
      assert.equal(again.json().id, first.json().id);
      const detail = await app.inject({
        method: 'GET',
        url: `/api/cases/${first.json().id}`,
        headers: officer,
      });
      assert.equal(detail.statusCode, 200, detail.body);
      assert.equal(detail.json().confirmations.length, 2);
      assert.equal(detail.json().case.sampleDate, daysAgo(2));
      assert.equal(detail.json().confirmations[0].note, 'Bệnh viện Bạch Mai');
      assert.equal(detail.json().treatmentPlaces[0].kind, 'home');
    });

    it('a rapid test confirms only a contact or a symptomatic person (rule in force), with a catalogue error', async () => {
      const personId = await createCasePerson(db);
      const refused = await manual(officer, personId, { kind: 'rapid_test_of_contact', isContact: false });
      assert.equal(refused.statusCode, 422);
      assert.equal(refused.json().error.code, 'CASE_NOT_CONFIRMED');
      assert.ok(refused.json().error.message.vi && refused.json().error.message.en);
      const ok = await manual(officer, personId, { kind: 'rapid_test_of_contact', isContact: true });
      assert.equal(ok.statusCode, 201, ok.body);
      const future = await manual(officer, await createCasePerson(db), {
        sampleDate: vietnamDay(new Date(Date.now() + 3 * DAY)),
      });
      assert.equal(future.statusCode, 400);
      assert.equal(future.json().error.details[0].field, 'sampleDate');
    });

    it('jurisdiction: an officer of another commune can neither enter, list nor open the case', async () => {
      const personId = await createCasePerson(db);
      assert.equal((await manual(outside, personId)).statusCode, 403);
      const id = (await manual(officer, personId)).json().id as string;
      const read = await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: outside });
      assert.equal(read.statusCode, 403);
      const list = await app.inject({ method: 'GET', url: '/api/cases', headers: outside });
      assert.equal(list.statusCode, 200);
      assert.ok(!list.json().items.some((c: { id: string }) => c.id === id));
      const mine = await app.inject({ method: 'GET', url: '/api/cases?status=open', headers: officer });
      assert.ok(mine.json().items.some((c: { id: string }) => c.id === id));
      const district = (await signInAs(app, db, { role: 'district_officer', unitCode: '001' })).headers;
      const theirs = await app.inject({ method: 'GET', url: '/api/cases?unitCode=00001', headers: district });
      assert.ok(theirs.json().items.some((c: { id: string }) => c.id === id));
    });

    it('a stale version gets 409 and changes nothing; each change is a history row and an audit entry', async () => {
      const personId = await createCasePerson(db);
      const id = (await manual(officer, personId)).json().id as string;
      const patch = (payload: object) =>
        app.inject({ method: 'PATCH', url: `/api/cases/${id}`, headers: officer, payload });
      const ok = await patch({ version: 1, classification: 'mild', symptomOnset: daysAgo(3) });
      assert.equal(ok.statusCode, 200, ok.body);
      assert.equal(ok.json().version, 2);
      const stale = await patch({ version: 1, classification: 'severe' });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json().error.code, 'CASE_VERSION_CONFLICT');
      const unknown = await patch({ version: 2, classification: 'grave' });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().error.details[0].field, 'classification');
      const moved = await app.inject({
        method: 'POST',
        url: `/api/cases/${id}/transfers`,
        headers: officer,
        payload: { version: 2, kind: 'hospital', facility: 'Bệnh viện Đống Đa' },
      });
      assert.equal(moved.statusCode, 200, moved.body);
      const d = (await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: officer })).json();
      assert.equal(d.case.classification, 'mild');
      assert.equal(d.case.treatmentKind, 'hospital');
      assert.deepEqual(
        d.history.map((h: { changed: string[] }) => h.changed),
        [['opened'], ['symptomOnset', 'classification'], ['treatment']],
      );
      assert.deepEqual(
        d.treatmentPlaces.map((p: { kind: string }) => p.kind),
        ['home', 'hospital'],
      );
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where person_id = $1 and action like 'case.%' order by id`,
        [personId],
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['case.open', 'case.update', 'case.transfer', 'case.read'],
      );
    });

    it('a citizen at home reports SpO2 94 %: once per client id, escalated to the worklist and an SMS to the officers', async () => {
      const phone = `+8491${String(7000000 + ++seq).slice(-7)}`;
      const personId = await createCasePerson(db, { phone });
      const caseId = (await manual(officer, personId)).json().id as string;
      const citizen = (await signInCitizen(app, phone)).headers;
      const mine = await app.inject({ method: 'GET', url: '/api/me/case', headers: citizen });
      assert.equal(mine.statusCode, 200, mine.body);
      assert.equal(mine.json().case.id, caseId);
      assert.equal(mine.json().case.reportedToday, false);
      assert.ok(!('sourceCaseId' in mine.json().case), 'a citizen never sees the source or contacts');
      const body = { ...calm, spo2: 94, clientId: clientId() };
      const report = (payload: object) =>
        app.inject({ method: 'POST', url: '/api/me/case/reports', headers: citizen, payload });
      const first = await report(body);
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().escalated, true);
      assert.deepEqual(first.json().report.warningSigns, ['low_spo2']);
      const retry = await report(body);
      assert.equal(retry.json().report.id, first.json().report.id);
      const reused = await report({ ...body, spo2: 97 });
      assert.equal(reused.statusCode, 422);
      assert.equal(reused.json().error.code, 'CASE_REPORT_CLIENT_ID_REUSED');
      const items = await db.query<{ kind: string; priority: string; commune_code: string }>(
        `select kind, priority, commune_code from worklist_items where person_id = $1 and kind = 'case_warning'`,
        [personId],
      );
      assert.deepEqual(items, [{ kind: 'case_warning', priority: 'high', commune_code: '00001' }]);
      const worklist = await app.inject({ method: 'GET', url: '/api/worklist', headers: officer });
      assert.ok(JSON.stringify(worklist.json()).includes('SpO2'), 'the medical team sees the warning');
      const sms = await db.query<{ body: string }>(
        `select body from outbox_messages where recipient = '+84912345678' and subject = 'cases.warning'`,
      );
      assert.equal(sms.length, 1, 'one alert for one report, retries included');
      assert.ok(!sms[0]!.body.includes('Trần'), 'the SMS names no one');
      const calmReport = await report({ ...calm, clientId: clientId() });
      assert.equal(calmReport.json().escalated, false);
      const after = (await app.inject({ method: 'GET', url: '/api/me/case', headers: citizen })).json();
      assert.equal(after.case.reportedToday, true);
      assert.equal(after.case.reports.length, 2);
    });

    it('missed reports list the cases at home in the area with no report today', async () => {
      const silent = await createCasePerson(db);
      const silentCase = (await manual(officer, silent)).json().id as string;
      const reporting = await createCasePerson(db);
      const reportingCase = (await manual(officer, reporting)).json().id as string;
      const staffReport = await app.inject({
        method: 'POST',
        url: `/api/cases/${reportingCase}/reports`,
        headers: officer,
        payload: { ...calm, clientId: clientId() },
      });
      assert.equal(staffReport.statusCode, 200, staffReport.body);
      const missed = await app.inject({ method: 'GET', url: '/api/cases/missed-reports', headers: officer });
      const ids = missed.json().items.map((i: { caseId: string }) => i.caseId);
      assert.ok(ids.includes(silentCase));
      assert.ok(!ids.includes(reportingCase));
      const other = await app.inject({ method: 'GET', url: '/api/cases/missed-reports', headers: outside });
      assert.ok(!other.json().items.some((i: { caseId: string }) => i.caseId === silentCase));
    });

    it('release needs the rule’s days and a negative test; then the case closes with a release note PDF', async () => {
      const personId = await createCasePerson(db);
      const young = (await manual(officer, await createCasePerson(db))).json().id as string;
      const early = await app.inject({
        method: 'POST',
        url: `/api/cases/${young}/release`,
        headers: officer,
        payload: { version: 1 },
      });
      assert.equal(early.json().error.code, 'CASE_RELEASE_TOO_EARLY');
      const id = (await manual(officer, personId, { sampleDate: daysAgo(8) })).json().id as string;
      const release = () =>
        app.inject({
          method: 'POST',
          url: `/api/cases/${id}/release`,
          headers: officer,
          payload: { version: 1 },
        });
      const noTest = await release();
      assert.equal(noTest.statusCode, 422);
      assert.equal(noTest.json().error.code, 'CASE_RELEASE_NEGATIVE_TEST_NEEDED');
      // A negative sample taken before the rule's day does not count.
      const tooSoon = await createTube(db, {
        labId: lab.labId,
        members: [personId],
        collectedAt: new Date(Date.now() - 5 * DAY),
      });
      await releaseResult(app, lab, tooSoon, 'negative');
      assert.equal((await release()).json().error.code, 'CASE_RELEASE_NEGATIVE_TEST_NEEDED');
      const tube = await createTube(db, { labId: lab.labId, members: [personId] });
      await releaseResult(app, lab, tube, 'negative');
      const ok = await release();
      assert.equal(ok.statusCode, 200, ok.body);
      const d = (await app.inject({ method: 'GET', url: `/api/cases/${id}`, headers: officer })).json();
      assert.equal(d.case.status, 'closed');
      assert.equal(d.case.outcome, 'recovered');
      assert.equal(d.release.negativeTest.barcode, tube);
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/cases/${id}/release-note.pdf`,
        headers: officer,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const twice = await release();
      assert.equal(twice.statusCode, 409);
    });
  });
}
