import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { vietnamDay } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import { createCasePerson } from '../cases/cases.fixtures';
import { runProximityRetention } from './tracing.proximity';

// The people a case names in the investigation's "close contacts" answer become candidates with the
// evidence "named by the case" (matched by ID number or phone), or wait as pending lines.
for (const target of dbTargets()) {
  describe(`tracing: contacts named in the investigation (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    let elsewhere: SessionHeaders;
    let caseId: string;
    const p = {} as Record<'X' | 'byPhone' | 'byId' | 'mother' | 'daughter', string>;

    type Headers = Record<string, string>;
    const get = (url: string, headers: Headers) => app.inject({ method: 'GET', url, headers });
    const send = (method: 'POST' | 'PUT', url: string, headers: Headers, payload: object) =>
      app.inject({ method, url, headers, payload });
    const contacts = async () => {
      const res = await get(`/api/tracing/cases/${caseId}/contacts`, officer);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as { personId: string; evidence: { kind: string }[]; score: number }[];
    };
    let version = 0;
    const saveAnswer = async (named: string) => {
      const res = await send('PUT', `/api/cases/${caseId}/investigation`, officer, {
        version,
        answers: { symptom_onset_known: false, home_care_possible: true, named_contacts: named },
      });
      assert.equal(res.statusCode, 200, res.body);
      version = res.json().version;
      // The case.updated event reaches tracing's handler.
      await app.events.pass();
    };

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      elsewhere = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' })).headers;
      p.X = await createCasePerson(db, { fullName: 'Lê Văn Khai' });
      p.byPhone = await createCasePerson(db, { fullName: 'Nguyễn Văn An', phone: '+84912345678' });
      p.byId = await createCasePerson(db, { fullName: 'Trần Thị Bình', communeCode: '00004' });
      await db.query(`update persons set cccd = '001199012345' where id = $1`, [p.byId]);
      // A mother and daughter sharing one phone: the typed name tells them apart.
      p.mother = await createCasePerson(db, { fullName: 'Phạm Thị Hoa', phone: '+84983111222' });
      p.daughter = await createCasePerson(db, { fullName: 'Đỗ Thị Mai', phone: '+84983111222' });
      const opened = await send('POST', '/api/cases', officer, {
        personId: p.X,
        kind: 'manual',
        sampleDate: vietnamDay(new Date()),
      });
      assert.equal(opened.statusCode, 201, opened.body);
      caseId = opened.json().id;
      await app.events.pass();
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('matches lines by phone and CCCD, tells a shared phone apart by name, keeps the rest pending', async () => {
      await saveAnswer(
        [
          'anh An 0912.345.678',
          'Trần Thị Bình, CCCD 001199012345',
          'chị Mai 0983 111 222',
          'Bác Tư bán nước, 0977000111',
          'Số của tôi 0901234567',
        ].join('\n'),
      );
      const items = await contacts();
      const by = new Map(items.map((c) => [c.personId, c]));
      for (const who of ['byPhone', 'byId', 'daughter'] as const) {
        const id = p[who];
        assert.deepEqual(
          by.get(id)?.evidence.map((e) => e.kind),
          ['named'],
          `${who} named by the case`,
        );
        assert.equal(by.get(id)!.score, 50, 'the rules’ weight for a named contact');
      }
      assert.ok(!by.has(p.mother), 'the shared phone’s other holder is not named');
      const lines = await get(`/api/tracing/cases/${caseId}/named`, officer);
      assert.equal(lines.statusCode, 200, lines.body);
      const list = lines.json().items as { id: string; status: string; fullName: string; phones: string[] }[];
      assert.deepEqual(
        list.map((l) => l.status),
        ['matched', 'matched', 'matched', 'pending', 'pending'],
      );
      assert.equal(list[3]!.fullName, 'Bác Tư Bán Nước');
      assert.deepEqual(list[3]!.phones, ['+84977000111']);
      const far = await get(`/api/tracing/cases/${caseId}/named`, elsewhere);
      assert.equal(far.statusCode, 404, 'another commune’s officer never reads what the case said');
    });

    it('a re-saved answer changes nothing twice; a line taken out goes, a matched contact stays', async () => {
      const rows = () =>
        db.query<{ person_id: string; evidence: { kind: string }[] }>(
          'select person_id, evidence from contacts where root_case_id = $1',
          [caseId],
        );
      const before = await rows();
      await app.inject({
        method: 'POST',
        url: `/api/tracing/cases/${caseId}/discover`,
        headers: officer,
        payload: {},
      });
      const again = await rows();
      assert.equal(again.length, before.length, 'no second row');
      for (const r of again)
        assert.equal(r.evidence.filter((e) => e.kind === 'named').length, 1, 'one named evidence, not two');
      await saveAnswer('anh An 0912.345.678\nBác Tư bán nước, 0977000111');
      const lines = (await get(`/api/tracing/cases/${caseId}/named`, officer)).json().items as {
        status: string;
      }[];
      assert.deepEqual(
        lines.map((l) => l.status),
        ['matched', 'pending'],
      );
    });

    it('the officer resolves a pending line to the person they registered: a candidate, kept', async () => {
      const lines = (await get(`/api/tracing/cases/${caseId}/named`, officer)).json().items as {
        id: string;
        status: string;
      }[];
      const pending = lines.find((l) => l.status === 'pending')!;
      const tu = await createCasePerson(db, { fullName: 'Vũ Văn Tư' });
      const bad = await send('POST', `/api/tracing/named/${pending.id}/resolve`, officer, { personId: p.X });
      assert.equal(bad.statusCode, 400, 'never the case itself');
      const far = await send('POST', `/api/tracing/named/${pending.id}/resolve`, elsewhere, { personId: tu });
      assert.equal(far.json().error.code, 'NAMED_CONTACT_NOT_FOUND');
      const res = await send('POST', `/api/tracing/named/${pending.id}/resolve`, officer, { personId: tu });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().personId, tu);
      assert.equal(res.json().evidence[0].kind, 'named');
      // The answer saved again (the line unchanged): the officer's choice stands.
      await saveAnswer('anh An 0912.345.678\nBác Tư bán nước, 0977000111');
      const after = (await get(`/api/tracing/cases/${caseId}/named`, officer)).json().items as {
        status: string;
        personId: string;
      }[];
      assert.deepEqual(
        after.map((l) => [l.status, l.personId]),
        [
          ['matched', p.byPhone],
          ['registered', tu],
        ],
      );
      const audit = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'contact.name' and person_id = $1`,
        [tu],
      );
      assert.equal(audit[0]!.n, 1);
    });

    it('the officer registers a new person from a waiting line (prefilled): the line resolves, a candidate; a retry adds nobody', async () => {
      // Another case of the commune names someone the registry does not know.
      const other = await createCasePerson(db, { fullName: 'Hồ Văn Kể' });
      const opened = await send('POST', '/api/cases', officer, {
        personId: other,
        kind: 'manual',
        sampleDate: vietnamDay(new Date()),
      });
      assert.equal(opened.statusCode, 201, opened.body);
      const otherCase = opened.json().id as string;
      await app.events.pass();
      const saved = await send('PUT', `/api/cases/${otherCase}/investigation`, officer, {
        version: 0,
        answers: {
          symptom_onset_known: false,
          home_care_possible: true,
          named_contacts: 'chị Lan, 0966555444',
        },
      });
      assert.equal(saved.statusCode, 200, saved.body);
      await app.events.pass();

      const waiting = await get('/api/tracing/named', officer);
      assert.equal(waiting.statusCode, 200, waiting.body);
      const line = (
        waiting.json().items as {
          id: string;
          caseId: string;
          fullName: string;
          phones: string[];
          communeCode: string;
        }[]
      ).find((l) => l.caseId === otherCase)!;
      assert.deepEqual(
        [line.fullName, line.phones, line.communeCode],
        ['Chị Lan', ['+84966555444'], '00001'],
      );
      const far = await get('/api/tracing/named', elsewhere);
      assert.ok(
        !(far.json().items as { caseId: string }[]).some((l) => l.caseId === otherCase),
        'another commune’s officer never sees what the case said',
      );

      const person = {
        fullName: 'Ngô Thị Lan',
        sex: 'female',
        birthYear: 1991,
        phones: line.phones,
        communeCode: line.communeCode,
        street: 'Số 4 Hàng Bún',
      };
      const url = `/api/tracing/named/${line.id}/register`;
      const outside = await send('POST', url, elsewhere, person);
      assert.equal(outside.json().error.code, 'NAMED_CONTACT_NOT_FOUND');
      const bad = await send('POST', url, officer, { ...person, cccd: '12' });
      assert.equal(bad.statusCode, 400, bad.body);
      assert.equal(bad.json().error.code, 'VALIDATION_FAILED');
      const res = await send('POST', url, officer, person);
      assert.equal(res.statusCode, 201, res.body);
      const { personId, contactId, created } = res.json();
      assert.equal(created, true);
      assert.ok(contactId, 'a candidate of the case at once');
      const row = await db.query<{ status: string; evidence: { kind: string }[]; subject_id: string }>(
        'select status, evidence, subject_id::text as subject_id from contacts where id = $1',
        [contactId],
      );
      assert.deepEqual(
        [row[0]!.status, row[0]!.evidence.map((e) => e.kind), row[0]!.subject_id],
        ['candidate', ['named'], otherCase],
      );
      const again = await send('POST', url, officer, person);
      assert.equal(again.statusCode, 200, again.body);
      assert.deepEqual(again.json(), { personId, contactId, caseId: otherCase, created: false });
      const lan = await db.query<{ n: number }>(
        `select count(*)::int as n from persons where '+84966555444' = any(phones)`,
      );
      assert.equal(lan[0]!.n, 1, 'one person, however many tries');
      const lineNow = await db.query<{ status: string; person_id: string }>(
        'select status, person_id::text as person_id from named_contacts where id = $1',
        [line.id],
      );
      assert.deepEqual(lineNow[0], { status: 'registered', person_id: personId });
      assert.ok(
        !((await get('/api/tracing/named', officer)).json().items as { id: string }[]).some(
          (l) => l.id === line.id,
        ),
        'no longer waiting',
      );
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where person_id = $1 and action in ('person.create', 'contact.name') order by id`,
        [personId],
      );
      assert.deepEqual(
        audit.map((a) => a.action),
        ['person.create', 'contact.name'],
      );
    });

    it('unresolved lines go with the encounter logs after the rules’ retention', async () => {
      await saveAnswer('anh An 0912.345.678\nBác Tư bán nước, 0977000111\nmột người lạ 0966000222');
      const kept = await runProximityRetention(db);
      assert.equal(kept.namedPending, 0);
      await db.query(`update named_contacts set updated_at = now() - interval '22 days'`);
      const gone = await runProximityRetention(db);
      assert.equal(gone.namedPending, 1, 'only the pending line: matched and resolved ones stay');
      assert.equal((await db.query('select 1 from named_contacts where case_id = $1', [caseId])).length, 2);
    });
  });
}
