import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { pdfPageCount, pdfTitle } from './venues.pdf.fixtures';

type Headers = { cookie: string };

for (const target of dbTargets()) {
  describe(`venues: children, staff and posters (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let owner: Headers;
    let hcmc: Headers;
    let companyId: string;
    const call = (method: 'GET' | 'POST', url: string, headers?: Headers, payload?: object, key?: string) =>
      app.inject({
        method,
        url,
        payload,
        headers: { ...headers, ...(key ? { 'idempotency-key': key } : {}) },
      });

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      owner = (await signInCitizen(app, '0987000001')).headers;
      hcmc = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      const res = await call('POST', '/api/venues', owner, {
        kind: 'office',
        name: 'Nhà xe Phương Trang – chi nhánh Hà Nội',
        communeCode: '00001',
      });
      companyId = res.json().id;
      // A self-registered point waits for its commune: approved here, so its children are active.
      const phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const ok = await call('POST', `/api/venues/${companyId}/approve`, phucXa);
      if (ok.statusCode !== 200) throw new Error(ok.body);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('adds vehicles in bulk, all or none, idempotently', async () => {
      const url = `/api/venues/${companyId}/children`;
      const bad = await call('POST', url, owner, {
        items: [
          { name: 'Xe 1', plate: '29B-111.11' },
          { name: 'Xe 2', plate: 'xx' },
        ],
      });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().error.details[0].field, 'items[1].plate');
      const items = [
        { name: 'Xe 01', plate: '29B-111.11' },
        { name: 'Xe 02', plate: '29B-222.22' },
        { name: 'Xe 03', plate: '29B 333 33' },
      ];
      const ok = await call('POST', url, owner, { items }, 'buses-1');
      assert.equal(ok.statusCode, 201, ok.body);
      const kids = ok.json().items as {
        kind: string;
        plateNumber: string;
        parentId: string;
        status: string;
      }[];
      assert.deepEqual(
        kids.map((k) => k.plateNumber),
        ['29B-111.11', '29B-222.22', '29B-333.33'],
      );
      assert.ok(
        kids.every((k) => k.kind === 'bus_coach' && k.parentId === companyId && k.status === 'active'),
      );
      assert.equal((await call('POST', url, owner, { items }, 'buses-1')).statusCode, 201);
      const rows = await db.query<{ n: number }>(
        'select count(*)::int as n from venues where parent_id = $1',
        [companyId],
      );
      const n = rows[0]?.n;
      assert.equal(n, 3, 'the retry created nothing');
      const parent = (await call('GET', `/api/venues/${companyId}`, owner)).json();
      assert.equal(parent.childCount, 3);
      assert.deepEqual(parent.access, { manage: true, review: false });
      const listed = (await call('GET', `/api/venues/${companyId}/children`, owner)).json().items;
      assert.deepEqual(listed.map((v: { name: string }) => v.name).sort(), ['Xe 01', 'Xe 02', 'Xe 03']);
      const other = (await signInCitizen(app, '0987000002')).headers;
      assert.equal((await call('POST', url, other, { items })).statusCode, 404);
    });

    it('prints an A4 poster per point, and one PDF for all the vehicles', async () => {
      const one = await call('GET', `/api/venues/${companyId}/poster.pdf`, owner);
      assert.equal(one.statusCode, 200);
      assert.equal(one.headers['content-type'], 'application/pdf');
      assert.equal(one.rawPayload.subarray(0, 5).toString(), '%PDF-');
      assert.equal(pdfPageCount(one.rawPayload), 1);
      assert.equal(pdfTitle(one.rawPayload), 'Mã QR - Nhà xe Phương Trang – chi nhánh Hà Nội');
      assert.match(one.rawPayload.toString('latin1'), /\/MediaBox \[0 0 595\.28 841\.89\]/);

      const all = await call('GET', `/api/venues/${companyId}/children/posters.pdf`, owner);
      assert.equal(all.statusCode, 200);
      assert.equal(pdfPageCount(all.rawPayload), 3);
      const ids = (
        await call(
          'GET',
          `/api/venues?parentId=${companyId}`,
          (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers,
        )
      )
        .json()
        .items.map((v: { id: string }) => v.id);
      const bulk = await call('POST', '/api/venues/posters.pdf', owner, {
        venueIds: [companyId, ...ids.slice(0, 2)],
      });
      assert.equal(pdfPageCount(bulk.rawPayload), 3);
      assert.equal(
        (await call('POST', '/api/venues/posters.pdf', hcmc, { venueIds: [companyId] })).statusCode,
        404,
      );
    });

    it('lets the owner add and remove staff by phone; staff cannot manage staff of other points', async () => {
      const url = `/api/venues/${companyId}/staff`;
      assert.equal((await call('POST', url, owner, { phone: '123' })).statusCode, 400);
      const added = await call('POST', url, owner, { phone: '0987 000 003' });
      assert.equal(added.statusCode, 200, added.body);
      const phones = (added.json().items as { phone: string; role: string }[]).map(
        (s) => `${s.role}:${s.phone}`,
      );
      assert.deepEqual(phones, ['owner:+84987000001', 'staff:+84987000003']);
      const staff = (await signInCitizen(app, '0987000003')).headers;
      const vehicles = (await call('GET', '/api/me/venues', staff)).json().items;
      assert.equal(vehicles.length, 1, 'the company point itself');
      assert.equal((await call('GET', `/api/venues/${companyId}/qr`, staff)).statusCode, 200);
      assert.equal((await call('POST', `${url}/remove`, hcmc, { phone: '0987000003' })).statusCode, 404);
      assert.equal((await call('POST', `${url}/remove`, owner, { phone: '0987000003' })).statusCode, 200);
      assert.equal((await call('GET', `/api/venues/${companyId}/qr`, staff)).statusCode, 404);
    });
  });
}
