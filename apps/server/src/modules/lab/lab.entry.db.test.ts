import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';
import { personStatus } from '../status';
import { createLab, createPerson, createTube, labWithStaff } from './lab.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`lab result entry, verification and release (${target.name})`, () => {
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

    const enter = (headers: Headers, payload: object) =>
      app.inject({ method: 'POST', url: '/api/lab/results', headers, payload });
    const verify = (headers: Headers, barcodes: string[]) =>
      app.inject({ method: 'POST', url: '/api/lab/results/verify', headers, payload: { barcodes } });

    it('refuses unknown barcodes, tubes never received, and Ct values on a rapid test', async () => {
      const unknown = await enter(tech, { barcode: 'NO-SUCH-TUBE', result: 'negative' });
      assert.equal(unknown.statusCode, 404);
      assert.equal(unknown.json().error.code, 'TUBE_UNKNOWN');
      const inTransit = await createTube(db, {
        labId,
        members: [await createPerson(db)],
        status: 'in_transit',
      });
      const notReceived = await enter(tech, { barcode: inTransit, result: 'negative' });
      assert.equal(notReceived.json().error.code, 'TUBE_NOT_RECEIVED');
      const otherLab = await createLab(db, 'Phòng khác');
      const foreign = await createTube(db, { labId: otherLab.labId, members: [await createPerson(db)] });
      assert.equal(
        (await enter(tech, { barcode: foreign, result: 'negative' })).json().error.code,
        'TUBE_NOT_RECEIVED',
      );
      const rapid = await createTube(db, {
        labId,
        members: [await createPerson(db)],
        testType: 'rapid_antigen',
      });
      const ct = await enter(tech, { barcode: rapid, result: 'negative', ctValues: { N: 30 } });
      assert.equal(ct.json().error.code, 'VALIDATION_FAILED');
      const outOfRange = await enter(tech, { barcode: rapid, result: 'negative', ctValues: { N: 50 } });
      assert.equal(outOfRange.statusCode, 400);
      const rows = await db.query('select 1 from lab_results where barcode = any($1::text[])', [
        [inTransit, foreign, rapid],
      ]);
      assert.equal(rows.length, 0, 'nothing half-written');
    });

    it('refuses an entry with no explicit result (RESULT_CHOICE_REQUIRED), never defaulting one', async () => {
      const barcode = await createTube(db, { labId, members: [await createPerson(db)] });
      for (const payload of [{ barcode }, { barcode, result: null }, { barcode, ctValues: { N: 22 } }]) {
        const res = await enter(tech, payload);
        assert.equal(res.statusCode, 422, res.body);
        assert.equal(res.json().error.code, 'RESULT_CHOICE_REQUIRED');
        assert.equal(res.json().error.details[0].field, 'result');
      }
      const rows = await db.query('select 1 from lab_results where barcode = $1', [barcode]);
      assert.equal(rows.length, 0, 'nothing saved without a choice');
    });

    it('enters, then only a supervisor releases; released results reach the person with a signed certificate', async () => {
      const phone = '+84912000111';
      const personId = await createPerson(db, { fullName: 'Trần Thị Bình', phone });
      const barcode = await createTube(db, { labId, members: [personId] });
      const entered = await enter(tech, { barcode, result: 'negative', ctValues: { E: 40, N: 41 } });
      assert.equal(entered.statusCode, 200, entered.body);
      assert.deepEqual(entered.json(), { barcode, status: 'entered', changed: true });
      assert.equal((await db.query('select 1 from person_results where barcode = $1', [barcode])).length, 0);

      const queue = await app.inject({ method: 'GET', url: '/api/lab/results/pending', headers: supervisor });
      assert.ok(queue.json().items.some((i: { barcode: string }) => i.barcode === barcode));
      assert.equal((await verify(tech, [barcode])).statusCode, 403, 'a technician cannot release');

      const released = await verify(supervisor, [barcode]);
      assert.equal(released.statusCode, 200, released.body);
      assert.deepEqual(released.json(), { released: [barcode], alreadyReleased: [], certificateFailures: 0 });
      const again = await verify(supervisor, [barcode]);
      assert.deepEqual(again.json(), { released: [], alreadyReleased: [barcode], certificateFailures: 0 });

      const pr = await db.query<{ result: string; certificate_id: string | null }>(
        'select result, certificate_id from person_results where person_id = $1',
        [personId],
      );
      assert.equal(pr.length, 1);
      assert.equal(pr[0]!.result, 'negative');
      assert.ok(pr[0]!.certificate_id);
      const sms = await db.query<{ body: string }>(`select body from outbox_messages where recipient = $1`, [
        phone,
      ]);
      assert.equal(sms.length, 1);
      assert.doesNotMatch(sms[0]!.body, /âm tính|am tinh|negative|dương|positive/i, 'no result in the SMS');

      const cert = await db.query<{ hc1: string }>('select hc1 from test_certificates where person_id = $1', [
        personId,
      ]);
      const check = await app.inject({
        method: 'POST',
        url: '/api/certificates/verify',
        payload: { hc1: cert[0]!.hc1 },
      });
      assert.equal(check.json().valid, true, check.body);
      assert.equal(check.json().certificate.result, 'negative');
      assert.equal(check.json().certificate.name, 'Trần Thị Bình');
      assert.equal((await personStatus(db, personId)).colour, 'green');

      const changed = await enter(tech, { barcode, result: 'positive' });
      assert.equal(changed.statusCode, 409);
      assert.equal(changed.json().error.code, 'RESULT_ALREADY_RELEASED');
      const same = await enter(tech, { barcode, result: 'negative', ctValues: { N: 41, E: 40 } });
      assert.deepEqual(same.json(), { barcode, status: 'entered', changed: false });
    });

    it('a positive individual result emits test.positive and adds a worklist item where the person lives', async () => {
      const personId = await createPerson(db, { fullName: 'Lê Văn Cường', communeCode: '26800' });
      const barcode = await createTube(db, { labId, members: [personId] });
      assert.equal(
        (await enter(tech, { barcode, result: 'positive', ctValues: { N: 22.5 } })).statusCode,
        200,
      );
      assert.equal((await verify(supervisor, [barcode])).statusCode, 200);
      const events = await db.query<{
        payload: { personId: string; barcode: string; collectedAt: string; releasedAt: string };
      }>(`select payload from domain_events where type = 'test.positive'`);
      const mine = events.filter((e) => e.payload.personId === personId);
      assert.equal(mine.length, 1);
      assert.equal(mine[0]!.payload.barcode, barcode);
      assert.ok(mine[0]!.payload.collectedAt && mine[0]!.payload.releasedAt);
      const items = await db.query<{ kind: string; commune_code: string; province_code: string }>(
        'select kind, commune_code, province_code from worklist_items where person_id = $1',
        [personId],
      );
      assert.deepEqual(items, [{ kind: 'test_positive', commune_code: '26800', province_code: '79' }]);
      assert.equal((await personStatus(db, personId)).colour, 'red');
    });

    it('a batch with one unknown barcode releases nothing', async () => {
      const barcode = await createTube(db, { labId, members: [await createPerson(db)] });
      await enter(tech, { barcode, result: 'negative' });
      const res = await verify(supervisor, [barcode, 'NOT-ENTERED']);
      assert.equal(res.statusCode, 409);
      assert.equal(res.json().error.code, 'RESULT_NOT_ENTERED');
      const row = await db.query<{ status: string }>('select status from lab_results where barcode = $1', [
        barcode,
      ]);
      assert.equal(row[0]!.status, 'entered');
    });
  });
}
