import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { addWorklistItem } from './worklist.service';
import { peopleWriteService } from '../people';
import { ctx, input, staff } from '../people/people.fixtures';

const item = (sourceId: string, communeCode: string) => ({
  kind: 'declaration_warning',
  personId: null,
  communeCode,
  title: { vi: 'Khai báo có triệu chứng', en: 'Declaration with symptoms' },
  sourceType: 'declaration',
  sourceId,
});

for (const target of dbTargets()) {
  describe(`worklist (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      await db.transaction(async (tx) => {
        await addWorklistItem(tx, item('d-1', '00001'));
        await addWorklistItem(tx, item('d-1', '00001')); // redelivered: no second item
        await addWorklistItem(tx, item('d-2', '26800'));
      });
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('adds each source once and refuses unknown communes', async () => {
      assert.equal((await db.query('select 1 from worklist_items')).length, 2);
      await assert.rejects(db.transaction((tx) => addWorklistItem(tx, item('d-3', '99999'))));
    });

    it('shows officers only their area, and updates with audit', async () => {
      const phucXa = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const list = await app.inject({
        method: 'GET',
        url: '/api/worklist?status=open',
        headers: phucXa.headers,
      });
      assert.equal(list.statusCode, 200);
      const items = list.json().items as { id: string; sourceId: string }[];
      assert.deepEqual(
        items.map((i) => i.sourceId),
        ['d-1'],
      );
      const done = await app.inject({
        method: 'PATCH',
        url: `/api/worklist/${items[0]!.id}`,
        headers: phucXa.headers,
        payload: { status: 'done', note: 'Đã gọi điện' },
      });
      assert.equal(done.statusCode, 200);
      assert.equal(done.json().status, 'done');
      const hcm = (
        await db.query<{ id: string }>(`select id from worklist_items where source_id = 'd-2'`)
      )[0]!;
      const outside = await app.inject({
        method: 'PATCH',
        url: `/api/worklist/${hcm.id}`,
        headers: phucXa.headers,
        payload: { status: 'done' },
      });
      assert.equal(outside.statusCode, 404);
      const national = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const all = await app.inject({ method: 'GET', url: '/api/worklist', headers: national.headers });
      assert.equal(all.json().items.length, 2);
    });

    it("carries the person's name: in full inside the officer's jurisdiction, masked outside", async () => {
      const people = peopleWriteService(db);
      const admin = ctx(staff('national_admin', null));
      const here = (await people.create(admin, input({ fullName: 'Lê Thị Mai', communeCode: '00001' }))).body;
      // Listed in Phúc Xá (where the matter arose) but the record lives in Thủ Đức: masked.
      const away = (
        await people.create(
          admin,
          input({ fullName: 'Phạm Văn Bình', communeCode: '26800', birthDate: '1980-01-01' }),
        )
      ).body;
      await db.transaction(async (tx) => {
        await addWorklistItem(tx, { ...item('n-1', '00001'), personId: here.id });
        await addWorklistItem(tx, { ...item('n-2', '00001'), personId: away.id });
      });
      const phucXa = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const res = await app.inject({ method: 'GET', url: '/api/worklist', headers: phucXa.headers });
      assert.equal(res.statusCode, 200);
      const items = res.json().items as {
        sourceId: string;
        personName: string | null;
        personMasked: boolean;
      }[];
      const bySource = new Map(items.map((i) => [i.sourceId, i]));
      assert.deepEqual(
        [bySource.get('n-1')?.personName, bySource.get('n-1')?.personMasked],
        ['Lê Thị Mai', false],
      );
      assert.equal(bySource.get('n-2')?.personMasked, true);
      assert.ok(bySource.get('n-2')?.personName, 'a masked name is still shown');
      assert.doesNotMatch(bySource.get('n-2')!.personName!, /Phạm Văn Bình/);
      assert.equal(bySource.get('d-1')?.personName, null, 'an item naming nobody has no name');
    });

    it('refuses citizens and bad input', async () => {
      const sampler = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      const res = await app.inject({ method: 'GET', url: '/api/worklist', headers: sampler.headers });
      assert.equal(res.statusCode, 403);
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const bad = await app.inject({
        method: 'GET',
        url: '/api/worklist?status=closed',
        headers: officer.headers,
      });
      assert.equal(bad.statusCode, 400);
    });
  });
}
