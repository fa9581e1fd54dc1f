import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../core/db/db';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { SITE_ORIGIN, signInAs, type SessionHeaders } from '../../test-support/auth';
import { personStatus } from '../status';
import { createTube, labWithStaff } from '../lab/lab.fixtures';
import { createCasePerson, releaseResult } from '../cases/cases.fixtures';
import { checkin, openCase, venueOf } from './tracing.fixtures';

const H = 3_600_000;
/** `hh`:00 Vietnam time yesterday. */
function yesterdayAt(hh: number): Date {
  const today = new Date(Date.now() + 7 * H).toISOString().slice(0, 10);
  return new Date(Date.parse(`${today}T00:00:00+07:00`) - 24 * H + hh * H);
}

for (const target of dbTargets()) {
  describe(`tracing: contacts of a case annulled by a result correction (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: SessionHeaders;
    let lab: Awaited<ReturnType<typeof labWithStaff>>;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      lab = await labWithStaff(app, db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const post = (url: string, payload?: object) =>
      app.inject({
        method: 'POST',
        url,
        headers: { ...officer, origin: SITE_ORIGIN },
        ...(payload ? { payload } : {}),
      });
    const rowsOf = (caseId: string) =>
      db.query<{ id: string; person_id: string; status: string; withdrawn_from: string | null }>(
        `select id::text as id, person_id::text as person_id, status, withdrawn_from from contacts
          where root_case_id = $1`,
        [caseId],
      );
    const caseOf = async (personId: string) =>
      (
        await db.query<{ id: string }>('select id::text as id from cases where person_id = $1', [personId])
      )[0]!.id;

    it('withdraws the contacts that came only from it, keeps one also confirmed from another case, keeps history', async () => {
      const zero = await createCasePerson(db, { fullName: 'Ca Bị Huỷ' });
      const other = await createCasePerson(db, { fullName: 'Ca Khác Vẫn Mở' });
      const onlyHere = await createCasePerson(db, { fullName: 'Chỉ Tiếp Xúc Ca Huỷ', phone: '0903100001' });
      const both = await createCasePerson(db, { fullName: 'Tiếp Xúc Cả Hai', phone: '0903100002' });
      const pending = await createCasePerson(db, { fullName: 'Còn Chờ Xác Nhận', phone: '0903100003' });
      const cafe = await venueOf(db, 'restaurant');
      const shop = await venueOf(db, 'shop');
      for (const p of [zero, onlyHere, both, pending])
        await checkin(db, p, cafe, yesterdayAt(10), yesterdayAt(11));
      for (const p of [other, both]) await checkin(db, p, shop, yesterdayAt(15), yesterdayAt(16));

      const barcode = await createTube(db, { labId: lab.labId, members: [zero] });
      await releaseResult(app, lab, barcode, 'positive');
      const day = new Date(Date.now() + 7 * H).toISOString().slice(0, 10);
      const otherCase = (await openCase(db, other, day, null)).caseId;
      await app.events.pass();
      const annulled = await caseOf(zero);
      const found = await rowsOf(annulled);
      assert.deepEqual(
        found.map((r) => r.person_id).sort(),
        [onlyHere, both, pending].sort(),
        'the three at the café are candidates',
      );
      const idOf = (rows: typeof found, p: string) => rows.find((r) => r.person_id === p)!.id;
      for (const p of [onlyHere, both]) {
        const r = await post(`/api/tracing/contacts/${idOf(found, p)}/confirm`);
        assert.equal(r.statusCode, 200, r.body);
      }
      const fromOther = await rowsOf(otherCase);
      const r = await post(`/api/tracing/contacts/${idOf(fromOther, both)}/confirm`);
      assert.equal(r.statusCode, 200, r.body);
      assert.equal((await personStatus(db, onlyHere)).colour, 'orange');

      // The lab corrects the only confirming result: the case is annulled; tracing follows.
      const corrected = await app.inject({
        method: 'POST',
        url: `/api/lab/results/${encodeURIComponent(barcode)}/correction`,
        headers: lab.supervisor,
        payload: { result: 'negative', reason: 'Nhầm ống khi nhập tay (biên bản số 9)' },
      });
      assert.equal(corrected.statusCode, 200, corrected.body);
      await app.events.pass();
      await app.events.pass();

      const after = await rowsOf(annulled);
      assert.deepEqual(
        after
          .map((r) => ({ p: r.person_id, status: r.status, from: r.withdrawn_from }))
          .sort((a, b) => (a.p < b.p ? -1 : 1)),
        [
          { p: onlyHere, status: 'withdrawn', from: 'confirmed' },
          { p: both, status: 'withdrawn', from: 'confirmed' },
          { p: pending, status: 'withdrawn', from: 'candidate' },
        ].sort((a, b) => (a.p < b.p ? -1 : 1)),
        'every row kept, marked with what it was',
      );
      assert.equal((await rowsOf(otherCase)).find((x) => x.person_id === both)!.status, 'confirmed');
      assert.equal((await personStatus(db, onlyHere)).colour, 'green', 'no longer F1 from the annulled case');
      assert.equal((await personStatus(db, both)).colour, 'orange', 'still F1 of the other case');

      // Off the lists: nothing to confirm from the annulled case, nothing found again.
      const candidates = await app.inject({
        method: 'GET',
        url: `/api/tracing/cases/${annulled}/contacts?status=candidate`,
        headers: officer,
      });
      assert.equal(candidates.statusCode, 200, candidates.body);
      assert.deepEqual(candidates.json().items, []);
      const again = await post(`/api/tracing/contacts/${idOf(found, pending)}/confirm`);
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().error.code, 'CONTACT_WITHDRAWN');
      const rediscover = await post(`/api/tracing/cases/${annulled}/discover`);
      assert.equal(rediscover.statusCode, 409, rediscover.body);
      assert.equal(rediscover.json().error.code, 'TRACING_CASE_ANNULLED');

      // Audited as the platform, one entry per contact; the one told they were F1 and no longer is
      // gets a notice (naming nobody), the one still F1 of the other case none.
      const audit = await db.query<{ person_id: string; actor: string }>(
        `select person_id::text as person_id, actor_account_id as actor from audit_log
          where action = 'contact.withdraw' and person_id = any($1::uuid[])`,
        [[onlyHere, both, pending]],
      );
      assert.equal(audit.length, 3);
      assert.ok(audit.every((a) => a.actor === 'system:tracing'));
      const sms = await db.query<{ recipient: string; body: string }>(
        `select recipient, body from outbox_messages where subject = 'tracing.contact_withdrawn'
          and recipient = any($1::text[])`,
        [['0903100001', '0903100002', '0903100003']],
      );
      assert.deepEqual(
        sms.map((m) => m.recipient),
        ['0903100001'],
      );
      assert.ok(!sms[0]!.body.includes('Ca Bị Huỷ'));
      const events = await db.query<{ payload: { personId: string; stillContact: boolean } }>(
        `select payload from domain_events where type = 'contact.withdrawn' and payload->>'subjectCaseId' = $1`,
        [annulled],
      );
      assert.deepEqual(
        events.map((e) => [e.payload.personId, e.payload.stillContact]).sort(),
        [
          [onlyHere, false],
          [both, true],
        ].sort(),
      );

      // A second pass (the event again, or another update) changes nothing more.
      const before = (await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n;
      await app.events.pass();
      assert.equal((await db.query<{ n: number }>('select count(*)::int as n from audit_log'))[0]!.n, before);
    });

    it('an annulled case counts for no cluster and leaves the one it was in', async () => {
      const casesOf = async (venueId: string) =>
        (
          await db.query<{ status: string; cases: string[] }>(
            `select c.status, array(select k.case_id::text from cluster_cases k where k.cluster_id = c.id order by 1) as cases
               from clusters c where c.anchor = $1`,
            [venueId],
          )
        ).map((r) => ({ status: r.status, cases: r.cases }));
      const annul = async (barcode: string) => {
        const res = await app.inject({
          method: 'POST',
          url: `/api/lab/results/${encodeURIComponent(barcode)}/correction`,
          headers: lab.supervisor,
          payload: { result: 'negative', reason: 'Nhầm ống khi nhập tay (biên bản số 12)' },
        });
        assert.equal(res.statusCode, 200, res.body);
        await app.events.pass();
        await app.events.pass();
      };
      const day = new Date(Date.now() + 7 * H).toISOString().slice(0, 10);
      const manualCaseAt = async (venueId: string, name: string) => {
        const p = await createCasePerson(db, { fullName: name });
        await checkin(db, p, venueId, yesterdayAt(8), yesterdayAt(12));
        return (await openCase(db, p, day, null)).caseId;
      };

      // 1. Annulled first, then two real cases at the same factory: two cases, no cluster (three before).
      const factory = await venueOf(db, 'factory');
      const wrong = await createCasePerson(db, { fullName: 'Ca Nhầm Ống Một' });
      await checkin(db, wrong, factory, yesterdayAt(9), yesterdayAt(11));
      const tube = await createTube(db, { labId: lab.labId, members: [wrong] });
      await releaseResult(app, lab, tube, 'positive');
      await app.events.pass();
      await annul(tube);
      await manualCaseAt(factory, 'Công Nhân Thật Một');
      await manualCaseAt(factory, 'Công Nhân Thật Hai');
      await app.events.pass();
      assert.deepEqual(await casesOf(factory), [], 'two live cases are not a cluster of three');

      // 2. A cluster of three proposed, then one of them annulled: it leaves the cluster, which stays.
      const plant = await venueOf(db, 'factory');
      const a = await manualCaseAt(plant, 'Công Nhân Xưởng A');
      const b = await manualCaseAt(plant, 'Công Nhân Xưởng B');
      const third = await createCasePerson(db, { fullName: 'Ca Nhầm Ống Hai' });
      await checkin(db, third, plant, yesterdayAt(9), yesterdayAt(11));
      const tube2 = await createTube(db, { labId: lab.labId, members: [third] });
      await releaseResult(app, lab, tube2, 'positive');
      await app.events.pass();
      const thirdCase = await caseOf(third);
      assert.deepEqual(await casesOf(plant), [{ status: 'proposed', cases: [a, b, thirdCase].sort() }]);
      await annul(tube2);
      assert.deepEqual(await casesOf(plant), [{ status: 'proposed', cases: [a, b].sort() }]);
      const listed = await app.inject({ method: 'GET', url: '/api/tracing/clusters', headers: officer });
      const mine = (listed.json().items as { anchor: string; cases: number }[]).find(
        (c) => c.anchor === plant,
      );
      assert.equal(mine?.cases, 2);
      // A further live case there counts the two live ones and itself: three again, never the annulled.
      const c = await manualCaseAt(plant, 'Công Nhân Xưởng C');
      await app.events.pass();
      assert.deepEqual(await casesOf(plant), [{ status: 'proposed', cases: [a, b, c].sort() }]);
    });
  });
}
