import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { samplingFigures } from './sampling.figures';
import {
  createLab,
  createLabels,
  createPerson,
  createSession,
  link,
  type Headers,
} from './sampling.fixtures';

for (const target of dbTargets()) {
  describe(`sampling: shipments and chain of custody (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let sampler: Headers;
    let labId: string;
    let lab: Headers;
    let sessionId: string;
    let sealed: string[];

    /** Single-person tubes seal themselves when their one person is linked. */
    async function sealedTubes(count: number): Promise<string[]> {
      const { barcodes } = await createLabels(app, sampler, count);
      for (const barcode of barcodes) {
        const res = await link(app, sampler, { sessionId, barcode, personId: await createPerson(db) });
        assert.equal(res.json().tube.sealed, true);
      }
      return barcodes;
    }
    const ship = (headers: Headers, barcodes: string[]) =>
      app.inject({
        method: 'POST',
        url: '/api/testing/shipments',
        headers,
        payload: { labId, barcodes, carrier: 'Xe CDC 29A-123.45', sentAt: '2021-08-20T08:00:00.000Z' },
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      labId = await createLab(db);
      lab = (await signInAs(app, db, { role: 'lab_technician', unitCode: '001', facilityId: labId })).headers;
      sessionId = (await createSession(app, officer, { poolSize: 1 })).id;
      sealed = await sealedTubes(4);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('ships only sealed, unshipped tubes', async () => {
      const [open] = (await createLabels(app, sampler, 1)).barcodes;
      const unused = await ship(sampler, [open!]);
      assert.equal(unused.json().error.code, 'TUBE_NOT_SEALED');
      const unknown = await ship(sampler, ['PD0199999999']);
      assert.equal(unknown.json().error.code, 'TUBE_UNKNOWN');
      const list = await app.inject({
        method: 'GET',
        url: `/api/testing/sessions/${sessionId}/tubes`,
        headers: sampler,
      });
      const ready = list.json().items.filter((t: { sealed: boolean }) => t.sealed);
      assert.deepEqual(ready.map((t: { barcode: string }) => t.barcode).sort(), [...sealed].sort());
      assert.ok(
        ready.every(
          (t: { members: { fullName: null }[] }) => t.members.length === 1 && t.members[0]!.fullName === null,
        ),
      );
      const res = await ship(sampler, sealed.slice(0, 3));
      assert.equal(res.statusCode, 201, res.body);
      assert.equal(res.json().tubeCount, 3);
      assert.equal(res.json().people, 3);
      const twice = await ship(sampler, [sealed[0]!]);
      assert.equal(twice.json().error.code, 'TUBE_NOT_SEALED');
      const statuses = await db.query<{ status: string }>(
        'select distinct status from tubes where barcode = any($1::text[])',
        [sealed.slice(0, 3)],
      );
      assert.deepEqual(
        statuses.map((s) => s.status),
        ['in_transit'],
      );
      const relinked = await link(app, sampler, {
        sessionId,
        barcode: sealed[0]!,
        personId: await createPerson(db),
      });
      assert.equal(relinked.json().error.code, 'TUBE_ALREADY_USED');
    });

    it('the lab receipt flags missing and extra tubes and stores them', async () => {
      const manifest = (await ship(sampler, [sealed[3]!, ...(await sealedTubes(2))])).json();
      const [listed1, listed2, listed3] = manifest.tubes.map(
        (t: { barcode: string }) => t.barcode,
      ) as string[];
      const stranger = (await createLabels(app, sampler, 1)).barcodes[0]!;
      const otherLab = (
        await signInAs(app, db, { role: 'lab_technician', unitCode: '001', facilityId: await createLab(db) })
      ).headers;
      const wrongLab = await app.inject({
        method: 'POST',
        url: `/api/testing/shipments/${manifest.id}/receive`,
        headers: otherLab,
        payload: { barcodes: [listed1] },
      });
      assert.equal(wrongLab.statusCode, 404);
      const samplerTry = await app.inject({
        method: 'POST',
        url: `/api/testing/shipments/${manifest.id}/receive`,
        headers: sampler,
        payload: { barcodes: [listed1] },
      });
      assert.equal(samplerTry.statusCode, 403);

      const res = await app.inject({
        method: 'POST',
        url: `/api/testing/shipments/${manifest.id}/receive`,
        headers: lab,
        payload: { barcodes: [listed1, listed2, stranger.toLowerCase()] },
      });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.deepEqual(
        [body.received.sort(), body.missing, body.extra],
        [[listed1, listed2].sort(), [listed3], [stranger]],
      );
      assert.deepEqual(
        [body.manifest.missingCount, body.manifest.extraCount, body.manifest.status],
        [1, 1, 'received'],
      );
      const tubes = await db.query<{ barcode: string; status: string }>(
        'select barcode, status from tubes where barcode = any($1::text[]) order by barcode',
        [[listed1, listed3]],
      );
      assert.deepEqual(Object.fromEntries(tubes.map((t) => [t.barcode, t.status])), {
        [listed1!]: 'received',
        [listed3!]: 'in_transit',
      });
      const again = await app.inject({
        method: 'POST',
        url: `/api/testing/shipments/${manifest.id}/receive`,
        headers: lab,
        payload: { barcodes: [listed3] },
      });
      assert.equal(again.json().error.code, 'SHIPMENT_ALREADY_RECEIVED');
      const events = await db.query<{ payload: { missing: string[] } }>(
        `select payload from domain_events where type = 'shipment.received'`,
      );
      assert.deepEqual(
        events.map((e) => e.payload.missing),
        [[listed3]],
      );
      const audit = await db.query<{ n: number }>(
        `select count(*) as n from audit_log where action in ('testing.shipment.create', 'testing.shipment.receive')`,
      );
      assert.equal(audit[0]!.n, 3);
      const labList = await app.inject({ method: 'GET', url: '/api/testing/shipments', headers: lab });
      assert.deepEqual(
        labList
          .json()
          .items.map((s: { id: string }) => s.id)
          .includes(manifest.id),
        true,
      );
      const foreign = await app.inject({
        method: 'GET',
        url: `/api/testing/shipments/${manifest.id}`,
        headers: otherLab,
      });
      assert.equal(foreign.statusCode, 404);
    });

    it('counts samples taken, in transit and received per unit and day', async () => {
      const today = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);
      const rows = await samplingFigures(db, { level: 'commune', unitCode: '001', from: today, to: today });
      assert.equal(rows.length, 1);
      assert.deepEqual(rows[0], {
        unitCode: '00001',
        day: today,
        samplesTaken: 6,
        tubes: 6,
        inTransit: 4,
        received: 2,
      });
      assert.deepEqual(
        await samplingFigures(db, { level: 'province', unitCode: '79', from: today, to: today }),
        [],
      );
    });

    // Last: the counts the tests above check are of their own shipments.
    it('a retried creation with the same Idempotency-Key answers the manifest already made', async () => {
      const keyed = { ...sampler, 'idempotency-key': 'ship-once-1' };
      const [spare] = await sealedTubes(1);
      const first = await ship(keyed, [spare!]);
      assert.equal(first.statusCode, 201, first.body);
      const retry = await ship(keyed, [spare!]);
      assert.equal(retry.statusCode, 201, retry.body);
      assert.equal(retry.json().id, first.json().id);
      const made = await db.query('select 1 from shipment_tubes where barcode = $1', [spare!]);
      assert.equal(made.length, 1, 'one manifest for the tube');
    });
  });
}
