import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { personStatus } from '../status';
import { createPerson, createTube, labWithStaff } from './lab.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`pools, re-tests and citizens' results (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let labId: string;
    let tech: Headers;
    let supervisor: Headers;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      ({ labId, tech, supervisor } = await labWithStaff(app, db));
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    async function release(barcode: string, result: string) {
      const e = await app.inject({
        method: 'POST',
        url: '/api/lab/results',
        headers: tech,
        payload: { barcode, result },
      });
      assert.equal(e.statusCode, 200, e.body);
      const v = await app.inject({
        method: 'POST',
        url: '/api/lab/results/verify',
        headers: supervisor,
        payload: { barcodes: [barcode] },
      });
      assert.equal(v.statusCode, 200, v.body);
    }
    const pendingTasks = async (ids: string[]) =>
      (
        await db.query<{ n: number }>(
          `select count(*)::int as n from retest_tasks where person_id = any($1::uuid[]) and status = 'pending'`,
          [ids],
        )
      )[0]!.n;

    it('a positive pool opens a re-test per member; their individual results close them', async () => {
      const phone = '0912555001';
      const members = [
        await createPerson(db, { fullName: 'Phạm Thị Dung', phone: '+84912555001' }),
        await createPerson(db, { fullName: 'Phạm Văn Em' }),
        await createPerson(db, { fullName: 'Phạm Văn Giang' }),
      ];
      const pool = await createTube(db, { labId, members });
      await release(pool, 'positive');
      assert.equal(await pendingTasks(members), 3);
      const items = await db.query<{ kind: string }>(
        'select kind from worklist_items where person_id = any($1::uuid[])',
        [members],
      );
      assert.deepEqual(
        items.map((i) => i.kind),
        ['retest_pending', 'retest_pending', 'retest_pending'],
      );
      const events = await db.query(`select 1 from domain_events where type = 'test.positive'`);
      assert.equal(events.length, 0, 'a positive pool is not an individual diagnosis');
      const certs = await db.query('select 1 from test_certificates where person_id = any($1::uuid[])', [
        members,
      ]);
      assert.equal(certs.length, 0, 'no certificate for a positive pool');
      const status = await personStatus(db, members[0]!);
      assert.equal(status.colour, 'yellow');

      const citizen = (await signInCitizen(app, phone)).headers;
      const mine = await app.inject({ method: 'GET', url: '/api/me/results', headers: citizen });
      assert.equal(mine.statusCode, 200, mine.body);
      const me = mine.json().people[0];
      assert.equal(me.self, true);
      assert.equal(me.retestPending, true);
      assert.deepEqual(
        me.results.map((r: { result: string; pooled: boolean }) => [r.result, r.pooled]),
        [['positive', true]],
      );

      await release(await createTube(db, { labId, members: [members[0]!] }), 'negative');
      await release(await createTube(db, { labId, members: [members[1]!] }), 'positive');
      assert.equal(await pendingTasks(members), 1, 'the third member is still waiting');
      await release(await createTube(db, { labId, members: [members[2]!] }), 'negative');
      assert.equal(await pendingTasks(members), 0);
      assert.equal((await personStatus(db, members[0]!)).colour, 'green');
      assert.equal((await personStatus(db, members[1]!)).colour, 'red');
      const after = (await app.inject({ method: 'GET', url: '/api/me/results', headers: citizen })).json();
      assert.equal(after.people[0].retestPending, false);
      assert.equal(after.people[0].results[0].result, 'negative');
      assert.equal(after.people[0].results[0].hasCertificate, true);
    });

    it('a negative pool releases a negative result and a certificate for every member', async () => {
      const members = [await createPerson(db), await createPerson(db, { phone: null })];
      const pool = await createTube(db, { labId, members });
      await release(pool, 'negative');
      const rows = await db.query<{ result: string; certificate_id: string | null }>(
        'select result, certificate_id from person_results where barcode = $1',
        [pool],
      );
      assert.equal(rows.length, 2);
      assert.ok(rows.every((r) => r.result === 'negative' && r.certificate_id));
      assert.equal(await pendingTasks(members), 0);
    });

    it('citizens open their own certificate (JSON and PDF) and nobody else’s', async () => {
      const personId = await createPerson(db, { fullName: 'Hoàng Thị Hoa', phone: '+84912555002' });
      await release(await createTube(db, { labId, members: [personId] }), 'negative');
      const citizen = (await signInCitizen(app, '0912555002')).headers;
      const list = (await app.inject({ method: 'GET', url: '/api/me/results', headers: citizen })).json();
      const resultId = list.people[0].results[0].id;
      const cert = await app.inject({
        method: 'GET',
        url: `/api/me/results/${resultId}/certificate`,
        headers: citizen,
      });
      assert.equal(cert.statusCode, 200, cert.body);
      assert.match(cert.json().hc1, /^HC1:/);
      assert.match(cert.json().uvci, /^URN:UVCI:01:VN:/);
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/me/results/${resultId}/certificate.pdf`,
        headers: citizen,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      const other = (await signInCitizen(app, '0912555003')).headers;
      const denied = await app.inject({
        method: 'GET',
        url: `/api/me/results/${resultId}/certificate`,
        headers: other,
      });
      assert.equal(denied.statusCode, 404);
      assert.equal(denied.json().error.code, 'CERTIFICATE_NOT_FOUND');
      const staff = await app.inject({ method: 'GET', url: '/api/me/results', headers: tech });
      assert.equal(staff.statusCode, 403);
    });
  });
}
