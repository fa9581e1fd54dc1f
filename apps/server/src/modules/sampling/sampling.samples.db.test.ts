import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { normalizeBarcode } from './sampling.barcode';
import { createLabels, createPerson, createSession, link, type Headers } from './sampling.fixtures';

for (const target of dbTargets()) {
  describe(`sampling: labels and linking people to tubes (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let officer: Headers;
    let sampler: Headers;
    let session: { id: string; poolSize: number };
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      sampler = (await signInAs(app, db, { role: 'sampler', unitCode: '00001' })).headers;
      session = await createSession(app, officer, { poolSize: 3 });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('prints unique, valid barcodes in batches and a PDF label sheet', async () => {
      const a = await createLabels(app, sampler, 40);
      const b = await createLabels(app, officer, 5, { sessionId: session.id });
      const all = [...a.barcodes, ...b.barcodes];
      assert.equal(new Set(all).size, 45);
      for (const code of all) assert.equal(normalizeBarcode(code), code);
      assert.ok(b.barcodes.every((c) => c.startsWith('PD01')));
      const pdf = await app.inject({
        method: 'GET',
        url: `/api/testing/labels/${a.id}/sheet.pdf`,
        headers: sampler,
      });
      assert.equal(pdf.statusCode, 200);
      assert.equal(pdf.headers['content-type'], 'application/pdf');
      assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.match(pdf.rawPayload.subarray(-8).toString(), /%%EOF/);
      // 40 labels at 30 a page → 2 pages
      assert.equal(pdf.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)?.length, 2);
      const citizenLike = await signInAs(app, db, { role: 'verifier', unitCode: '00001' });
      const denied = await app.inject({
        method: 'POST',
        url: '/api/testing/labels',
        headers: citizenLike.headers,
        payload: { count: 1, testType: 'rt_pcr' },
      });
      assert.equal(denied.statusCode, 403);
    });

    it('pools up to N people in one tube, then refuses more and seals it', async () => {
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      const people = [
        await createPerson(db),
        await createPerson(db),
        await createPerson(db),
        await createPerson(db),
      ];
      for (const [i, personId] of people.slice(0, 3).entries()) {
        const res = await link(app, sampler, { sessionId: session.id, barcode: tube!, personId });
        assert.equal(res.statusCode, 200, res.body);
        assert.equal(res.json().tube.count, i + 1);
        assert.equal(res.json().tube.capacity, 3);
      }
      const after3 = await app.inject({ method: 'GET', url: `/api/testing/tubes/${tube}`, headers: sampler });
      assert.equal(after3.json().sealed, true);
      assert.deepEqual(
        after3.json().members.map((m: { personId: string }) => m.personId),
        people.slice(0, 3),
      );
      const reads = await db.query<{ person_id: string }>(
        `select person_id from audit_log where action = 'testing.tube.read' and details->>'barcode' = $1`,
        [tube!],
      );
      assert.deepEqual(reads.map((r) => r.person_id).sort(), people.slice(0, 3).sort());
      const full = await link(app, sampler, { sessionId: session.id, barcode: tube!, personId: people[3]! });
      assert.equal(full.json().error.code, 'TUBE_FULL');
      assert.equal(full.statusCode, 409);
      const events = await db.query<{ n: number }>(
        `select count(*) as n from domain_events where type = 'sample.collected' and payload->>'barcode' = $1`,
        [tube!],
      );
      assert.equal(events[0]!.n, 3);
    });

    it('gives each error and warning its own code', async () => {
      const [t1, t2] = (await createLabels(app, sampler, 2)).barcodes;
      const p = await createPerson(db, { cccd: '001185000777' });
      const first = await link(app, sampler, { sessionId: session.id, barcode: t1!, code: '001185000777' });
      assert.equal(first.statusCode, 200, first.body);
      assert.equal(first.json().personId, p);
      const again = await link(app, sampler, { sessionId: session.id, barcode: t1!, personId: p });
      assert.equal(again.json().error.code, 'PERSON_ALREADY_IN_TUBE');
      const second = await link(app, sampler, { sessionId: session.id, barcode: t2!, personId: p });
      assert.equal(second.statusCode, 200);
      assert.deepEqual(
        second.json().warnings.map((w: { code: string; barcode: string }) => [w.code, w.barcode]),
        [['PERSON_ALREADY_SAMPLED', t1]],
      );
      const unknown = await link(app, sampler, {
        sessionId: session.id,
        barcode: 'PD0199999999',
        personId: p,
      });
      assert.equal(unknown.json().error.code, 'TUBE_UNKNOWN');
      const mistyped = await link(app, sampler, {
        sessionId: session.id,
        barcode: t1!.slice(0, 12) + ((Number(t1![12]) + 1) % 10),
        personId: p,
      });
      assert.equal(mistyped.json().error.code, 'TUBE_UNKNOWN');
      const other = await createSession(app, officer, { name: 'Đợt khác' });
      const reused = await link(app, sampler, {
        sessionId: other.id,
        barcode: t1!,
        personId: await createPerson(db),
      });
      assert.equal(reused.json().error.code, 'TUBE_ALREADY_USED');
      const nobody = await link(app, sampler, { sessionId: session.id, barcode: t2!, code: '001185999999' });
      assert.equal(nobody.json().error.code, 'PERSON_CODE_UNRESOLVED');
      const rapid = await createSession(app, officer, { testType: 'rapid_antigen' });
      assert.equal(rapid.poolSize, 1);
      const wrongType = await link(app, sampler, {
        sessionId: rapid.id,
        barcode: (await createLabels(app, sampler, 1)).barcodes[0]!,
        personId: p,
      });
      assert.equal(wrongType.json().error.code, 'TUBE_TEST_TYPE_MISMATCH');
      // Sealing by hand: nobody else goes in, and shipping is possible afterwards.
      const closed = await app.inject({
        method: 'POST',
        url: `/api/testing/tubes/${t2}/close`,
        headers: sampler,
      });
      assert.equal(closed.json().sealed, true);
      const sealed = await link(app, sampler, {
        sessionId: session.id,
        barcode: t2!,
        personId: await createPerson(db),
      });
      assert.equal(sealed.json().error.code, 'TUBE_SEALED');
      const empty = await app.inject({
        method: 'POST',
        url: `/api/testing/tubes/${(await createLabels(app, sampler, 1)).barcodes[0]}/close`,
        headers: sampler,
      });
      assert.equal(empty.json().error.code, 'TUBE_EMPTY');
    });

    it('is idempotent on the client id, alone and in an offline batch', async () => {
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      const personId = await createPerson(db);
      const id = randomUUID();
      const one = await link(app, sampler, { id, sessionId: session.id, barcode: tube!, personId });
      const retry = await link(app, sampler, { id, sessionId: session.id, barcode: tube!, personId });
      assert.equal(one.statusCode, 200);
      assert.equal(retry.statusCode, 200);
      assert.equal(retry.json().replayed, true);
      assert.equal(retry.json().tube.count, 1);
      const misuse = await link(app, sampler, {
        id,
        sessionId: session.id,
        barcode: (await createLabels(app, sampler, 1)).barcodes[0]!,
        personId,
      });
      assert.equal(misuse.json().error.code, 'SAMPLE_ID_REUSED');

      const [pool] = (await createLabels(app, sampler, 1)).barcodes;
      const items = [await createPerson(db), await createPerson(db)].map((personId) => ({
        id: randomUUID(),
        barcode: pool!,
        personId,
        sessionId: session.id,
        sampleType: 'nasal',
        collectedAt: '2021-08-20T02:00:00.000Z',
      }));
      const bad = { ...items[0]!, id: randomUUID(), barcode: 'PD0100000000' };
      const batch = await app.inject({
        method: 'POST',
        url: '/api/testing/samples/batch',
        headers: sampler,
        payload: { items: [...items, bad] },
      });
      assert.equal(batch.statusCode, 200);
      assert.deepEqual(
        batch.json().results.map((r: { ok: boolean }) => r.ok),
        [true, true, false],
      );
      assert.equal(batch.json().results[2].error.code, 'TUBE_UNKNOWN');
      const resent = await app.inject({
        method: 'POST',
        url: '/api/testing/samples/batch',
        headers: sampler,
        payload: { items },
      });
      assert.deepEqual(
        resent.json().results.map((r: { result: { replayed: boolean } }) => r.result.replayed),
        [true, true],
      );
      const rows = await db.query<{ n: number }>(
        'select count(*) as n from tube_members where barcode = $1',
        [pool!],
      );
      assert.equal(rows[0]!.n, 2);
      const audit = await db.query<{ n: number }>(
        `select count(*) as n from audit_log where action = 'testing.sample.link' and details->>'barcode' = $1`,
        [pool!],
      );
      assert.equal(audit[0]!.n, 2);
    });

    it('keeps samplers and officers to their area', async () => {
      const hcmSampler = (await signInAs(app, db, { role: 'sampler', unitCode: '26800' })).headers;
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      const res = await link(app, hcmSampler, {
        sessionId: session.id,
        barcode: tube!,
        personId: await createPerson(db),
      });
      assert.equal(res.statusCode, 403);
      const officerLinks = await link(app, officer, {
        sessionId: session.id,
        barcode: tube!,
        personId: await createPerson(db),
      });
      assert.equal(officerLinks.statusCode, 403);
      // On the session's team, a sampler from elsewhere may work it.
      const teamMember = await signInAs(app, db, {
        role: 'sampler',
        unitCode: '26800',
        username: `hcm.sampler.${Date.now()}`,
      });
      const username = (
        await db.query<{ username: string }>('select username from accounts where id = $1', [
          teamMember.accountId,
        ])
      )[0]!.username;
      const added = await app.inject({
        method: 'POST',
        url: `/api/testing/sessions/${session.id}/team`,
        headers: officer,
        payload: { username },
      });
      assert.equal(added.statusCode, 200, added.body);
      const ok = await link(app, teamMember.headers, {
        sessionId: session.id,
        barcode: tube!,
        personId: await createPerson(db),
      });
      assert.equal(ok.statusCode, 200, ok.body);
    });

    it('takes a person by record id only if the sampler may see them; anyone else by their card', async () => {
      const [tube] = (await createLabels(app, sampler, 1)).barcodes;
      const cccd = `0790900${String(Date.now()).slice(-5)}`;
      const elsewhere = await createPerson(db, { communeCode: '26800', cccd });
      const byId = await link(app, sampler, { sessionId: session.id, barcode: tube!, personId: elsewhere });
      assert.equal(byId.statusCode, 404);
      assert.equal(byId.json().error.code, 'PERSON_NOT_FOUND');
      assert.doesNotMatch(byId.body, /Mẫu/);
      // The same person, present with their card: sampled.
      const byCard = await link(app, sampler, { sessionId: session.id, barcode: tube!, code: cccd });
      assert.equal(byCard.statusCode, 200, byCard.body);
      assert.equal(byCard.json().personId, elsewhere);
    });
  });
}
