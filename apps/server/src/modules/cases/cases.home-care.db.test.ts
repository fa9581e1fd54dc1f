import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { vietnamDay } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { createCasePerson } from './cases.fixtures';

let seq = 0;
const clientId = () => `care-${process.pid}-${++seq}`;

// Issue #13 §4: a community COVID team member (tổ COVID cộng đồng) phones the commune's cases at home
// and enters their daily report; they see the list of those cases and nothing else of the record.
for (const target of dbTargets()) {
  describe(`cases: the community team's home-care list and reports (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    let team: SessionHeaders;
    let otherTeam: SessionHeaders;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      team = (await signInAs(app, db, { role: 'community_team', unitCode: '00001' })).headers;
      otherTeam = (await signInAs(app, db, { role: 'community_team', unitCode: '00004' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    async function openCase(fullName: string, communeCode = '00001') {
      const personId = await createCasePerson(db, { fullName, communeCode });
      const r = await app.inject({
        method: 'POST',
        url: '/api/cases',
        headers:
          communeCode === '00001'
            ? officer
            : (await signInAs(app, db, { role: 'commune_officer', unitCode: communeCode })).headers,
        payload: { personId, kind: 'manual', sampleDate: vietnamDay(new Date()), confirmedBy: 'BV Bạch Mai' },
      });
      assert.equal(r.statusCode, 201, r.body);
      return r.json().id as string;
    }
    const list = (headers: SessionHeaders) =>
      app.inject({ method: 'GET', url: '/api/cases/home-care', headers });
    const report = (headers: SessionHeaders, caseId: string, payload: object) =>
      app.inject({ method: 'POST', url: `/api/cases/${caseId}/reports`, headers, payload });

    it('lists the open cases at home of the member’s commune with today’s report state; a report by phone escalates SpO2 94 %', async () => {
      const atHome = await openCase('Lê Thị Tại Nhà');
      const inHospital = await openCase('Phạm Văn Bệnh Viện');
      const elsewhere = await openCase('Ngô Văn Xã Khác', '00004');
      const moved = await app.inject({
        method: 'GET',
        url: `/api/cases/${inHospital}`,
        headers: officer,
      });
      const transfer = await app.inject({
        method: 'POST',
        url: `/api/cases/${inHospital}/transfers`,
        headers: officer,
        payload: { version: moved.json().case.version, kind: 'hospital', facility: 'BV Đống Đa' },
      });
      assert.equal(transfer.statusCode, 200, transfer.body);

      const before = await list(team);
      assert.equal(before.statusCode, 200, before.body);
      const mine = before.json().items.map((i: { caseId: string }) => i.caseId);
      assert.ok(mine.includes(atHome), 'the case at home is listed');
      assert.ok(!mine.includes(inHospital), 'a case in hospital is not the team’s');
      assert.ok(!mine.includes(elsewhere), 'another commune’s case is not listed');
      const item = before.json().items.find((i: { caseId: string }) => i.caseId === atHome);
      assert.equal(item.personName, 'Lê Thị Tại Nhà');
      assert.equal(item.reportedToday, false);
      assert.ok(before.json().symptoms.length > 0, 'the form’s symptoms come with the list');
      assert.ok(!('personId' in item) && !('cccd' in item), 'no identity numbers');

      const payload = { clientId: clientId(), spo2: 94, temperature: 37.6, breathingRate: 22, symptoms: [] };
      const sent = await report(team, atHome, payload);
      assert.equal(sent.statusCode, 200, sent.body);
      assert.equal(sent.json().escalated, true);
      assert.ok(sent.json().report.warningSigns.length > 0);
      const again = await report(team, atHome, payload);
      assert.equal(again.json().report.id, sent.json().report.id, 'a retry is the same report');

      const after = await list(team);
      const done = after.json().items.find((i: { caseId: string }) => i.caseId === atHome);
      assert.equal(done.reportedToday, true);
      assert.equal(done.lastSpo2, 94);
      assert.equal(done.warning, true);

      const worklist = await db.query<{ n: number }>(
        `select count(*)::int as n from worklist_items where kind = 'case_warning' and source_id = $1`,
        [sent.json().report.id],
      );
      assert.equal(worklist[0]!.n, 1, 'the commune’s medical team is told at once');
      const audited = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'case.report' and details->>'caseId' = $1`,
        [atHome],
      );
      assert.equal(audited[0]!.n, 1);
    });

    it('reaches nothing else: no case record or investigation, no case in hospital (not found), no other commune', async () => {
      const atHome = await openCase('Đỗ Văn Ở Nhà');
      const inHospital = await openCase('Vũ Thị Nhập Viện');
      const v = (
        await app.inject({ method: 'GET', url: `/api/cases/${inHospital}`, headers: officer })
      ).json().case.version;
      await app.inject({
        method: 'POST',
        url: `/api/cases/${inHospital}/transfers`,
        headers: officer,
        payload: { version: v, kind: 'hospital', facility: 'BV Thanh Nhàn' },
      });
      const record = await app.inject({ method: 'GET', url: `/api/cases/${atHome}`, headers: team });
      assert.equal(record.statusCode, 403, 'the case record and its investigation are the officers’');
      const investigation = await app.inject({
        method: 'GET',
        url: `/api/cases/${atHome}/investigation`,
        headers: team,
      });
      assert.equal(investigation.statusCode, 403);
      const calm = { clientId: clientId(), spo2: 98, temperature: 36.8, breathingRate: 16, symptoms: [] };
      const hospital = await report(team, inHospital, calm);
      assert.equal(hospital.statusCode, 404, hospital.body);
      assert.equal(hospital.json().error.code, 'CASE_NOT_FOUND');
      // Another commune's case is refused like any record outside the caller's area.
      const other = await report(otherTeam, atHome, { ...calm, clientId: clientId() });
      assert.equal(other.statusCode, 403, other.body);
      const otherList = (await list(otherTeam)).json().items.map((i: { caseId: string }) => i.caseId);
      assert.ok(!otherList.includes(atHome));
      const bad = await report(team, atHome, { ...calm, clientId: clientId(), spo2: 140 });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.ok(bad.json().error.message.vi && bad.json().error.message.en);
    });
  });
}
