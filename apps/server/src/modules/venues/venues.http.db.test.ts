import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { verifyQrToken, type EcJwk } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { publicKeys, isRevoked } from '../keys';

type Headers = { cookie: string };
const shop = { kind: 'shop', name: 'Tạp hóa Cô Ba', communeCode: '00001', street: '12 Phó Đức Chính' };

for (const target of dbTargets()) {
  describe(`venues: registration and review (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let owner: Headers;
    let stranger: Headers;
    let phucXa: Headers;
    let baDinh: Headers;
    let hcmc: Headers;
    let shopId: string;
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
      owner = (await signInCitizen(app, '0912000001')).headers;
      stranger = (await signInCitizen(app, '0912000002')).headers;
      phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      baDinh = (await signInAs(app, db, { role: 'district_officer', unitCode: '001' })).headers;
      hcmc = (await signInAs(app, db, { role: 'commune_officer', unitCode: '26800' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('registers a point waiting for its commune; a retry replays, another body is refused', async () => {
      const first = await call('POST', '/api/venues', owner, shop, 'reg-1');
      assert.equal(first.statusCode, 201, first.body);
      const v = first.json();
      assert.equal(v.status, 'pending');
      assert.equal(v.reviewed, false);
      assert.equal(v.ownerPhone, '+84912000001', 'owner phone defaults to the citizen’s own');
      assert.match(v.areaName, /Phúc Xá/);
      shopId = v.id;
      const again = await call('POST', '/api/venues', owner, shop, 'reg-1');
      assert.equal(again.statusCode, 201);
      assert.equal(again.json().id, shopId);
      const other = await call('POST', '/api/venues', owner, { ...shop, name: 'Khác' }, 'reg-1');
      assert.equal(other.statusCode, 422);
      assert.equal(other.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
      const n = (await db.query<{ n: number }>('select count(*)::int as n from venues'))[0]?.n;
      assert.equal(n, 1);
    });

    it('validates kind, commune, phones and vehicle plates', async () => {
      assert.equal((await call('POST', '/api/venues', undefined, shop)).statusCode, 401);
      const bad = await call('POST', '/api/venues', owner, {
        kind: 'bus_coach',
        name: 'Xe 1',
        communeCode: '99999',
        plateNumber: '29-ABC',
        staffPhones: ['0241234567'],
      });
      assert.equal(bad.statusCode, 400);
      const fields = (bad.json().error.details as { field: string; code: string }[])
        .map((d) => d.code)
        .sort();
      assert.deepEqual(fields, ['COMMUNE_UNKNOWN', 'PHONE_FORMAT', 'PLATE_FORMAT']);
      const noPlate = await call('POST', '/api/venues', owner, {
        kind: 'truck',
        name: 'Xe',
        communeCode: '00001',
      });
      assert.equal(noPlate.json().error.details[0].field, 'plate');
      const bus = await call('POST', '/api/venues', owner, {
        kind: 'bus_coach',
        name: 'Xe khách Hà Nội – Lào Cai',
        communeCode: '00001',
        plateNumber: '29b 123.45',
      });
      assert.equal(bus.statusCode, 201, bus.body);
      assert.equal(bus.json().plateNumber, '29B-123.45');
      assert.equal((await call('GET', `/api/venues?q=29b-123`, phucXa)).json().total, 1);
    });

    it('shows points to their owner, staff and area officers only', async () => {
      const withStaff = await call('POST', '/api/venues', owner, {
        ...shop,
        name: 'Quán phở',
        staffPhones: ['0912000003'],
      });
      const id = withStaff.json().id as string;
      const staff = (await signInCitizen(app, '0912000003')).headers;
      const mine = (await call('GET', '/api/me/venues', staff)).json().items as { id: string }[];
      assert.deepEqual(
        mine.map((v) => v.id),
        [id],
      );
      assert.equal((await call('GET', '/api/me/venues', owner)).json().items.length, 3);
      assert.equal((await call('GET', '/api/me/venues', stranger)).json().items.length, 0);
      assert.equal((await call('GET', `/api/venues/${id}`, stranger)).statusCode, 404);
      assert.equal((await call('GET', `/api/venues/${id}`, hcmc)).statusCode, 404);
      assert.equal((await call('GET', `/api/venues/${id}`, phucXa)).statusCode, 200);
      const list = (await call('GET', '/api/venues?unreviewed=true', phucXa)).json();
      assert.equal(list.total, 3);
      assert.equal((await call('GET', '/api/venues', hcmc)).json().total, 0);
      assert.equal((await call('GET', '/api/venues', owner)).statusCode, 403);
      assert.equal((await call('GET', `/api/venues/${id}/qr`, staff)).statusCode, 409, 'not approved yet');
      assert.equal((await call('POST', `/api/venues/${id}/approve`, phucXa)).statusCode, 200);
      assert.equal((await call('GET', `/api/venues/${id}/qr`, staff)).statusCode, 200);
    });

    it('waits for approval unless the unit chose otherwise; officers above the commune may approve', async () => {
      await db.query(`insert into venue_review_policies (unit_code, auto_approve) values ('00006', true)`);
      const chosen = await call('POST', '/api/venues', owner, {
        ...shop,
        name: 'Quán nước',
        communeCode: '00006',
      });
      assert.equal(chosen.json().status, 'active', 'this commune approves at once, as it chose');
      const res = await call('POST', '/api/venues', owner, {
        ...shop,
        name: 'Chợ Trúc Bạch',
        kind: 'market',
        communeCode: '00004',
      });
      const v = res.json();
      assert.equal(v.status, 'pending');
      assert.equal(
        (await call('GET', `/api/venues/${v.id}/qr`, owner)).json().error.code,
        'VENUE_NOT_ACTIVE',
      );
      assert.equal(
        (await call('POST', `/api/venues/${v.id}/approve`, phucXa)).statusCode,
        403,
        'other commune',
      );
      assert.equal((await call('POST', `/api/venues/${v.id}/approve`, owner)).statusCode, 403, 'citizen');
      const ok = await call('POST', `/api/venues/${v.id}/approve`, baDinh);
      assert.equal(ok.statusCode, 200, ok.body);
      assert.deepEqual([ok.json().status, ok.json().reviewed], ['active', true]);
    });

    it('suspending revokes the QR; reactivating restores it', async () => {
      assert.equal((await call('POST', `/api/venues/${shopId}/approve`, phucXa)).statusCode, 200);
      const qr = await call('GET', `/api/venues/${shopId}/qr`, owner);
      assert.equal(qr.statusCode, 200);
      const { token, svg } = qr.json();
      assert.match(svg, /^<svg/);
      const keys = new Map((await publicKeys(db, 'qr')).map((k) => [k.kid, k.publicKeyJwk as EcJwk]));
      const verify = () =>
        verifyQrToken(token, {
          keys: (kid) => keys.get(kid),
          now: new Date(),
          isRevoked: (t, id) => isRevoked(db, t, id),
        });
      assert.deepEqual(await verify().then((r) => r.ok && r.id), shopId);

      assert.equal(
        (await call('POST', `/api/venues/${shopId}/suspend`, hcmc, { reason: 'Vi phạm' })).statusCode,
        403,
      );
      assert.equal(
        (await call('POST', `/api/venues/${shopId}/suspend`, phucXa, { reason: ' ' })).statusCode,
        400,
      );
      const s = await call('POST', `/api/venues/${shopId}/suspend`, phucXa, {
        reason: 'Không quét mã khách ra vào',
      });
      assert.equal(s.statusCode, 200, s.body);
      assert.equal(s.json().status, 'suspended');
      assert.equal(await isRevoked(db, 'V', shopId), true);
      assert.deepEqual(await verify(), { ok: false, reason: 'REVOKED' });
      assert.equal((await call('GET', `/api/venues/${shopId}/qr`, owner)).statusCode, 409);
      assert.equal((await call('GET', `/api/venues/${shopId}/poster.pdf`, owner)).statusCode, 409);
      assert.equal(
        (await call('POST', `/api/venues/${shopId}/suspend`, phucXa, { reason: 'lần hai' })).statusCode,
        409,
      );

      const r = await call('POST', `/api/venues/${shopId}/reactivate`, phucXa);
      assert.equal(r.json().status, 'active');
      assert.equal(await isRevoked(db, 'V', shopId), false);
      assert.equal((await verify()).ok, true);
      const audit = await db.query<{ action: string }>(
        `select action from audit_log where action like 'venue.%' order by id`,
      );
      assert.ok(
        audit.some((a) => a.action === 'venue.suspend') && audit.some((a) => a.action === 'venue.reactivate'),
      );
    });
  });
}
