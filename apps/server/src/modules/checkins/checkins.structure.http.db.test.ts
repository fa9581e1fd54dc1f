import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { SITE_ORIGIN, signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { citizenWithPerson, createVenue, nowIso, venueToken } from './checkins.fixtures';

const DAY = 86_400_000;

/**
 * A point still on the 2021 map (Trúc Bạch, 00004) on a deployment now running on 2025, where 00004
 * is Phường Ba Đình: the same code, another place. Its check-ins stay on its map, and the officer of
 * the 2025 commune with that code does not reach it.
 */
for (const target of dbTargets()) {
  describe(`check-ins follow their point's map, not the deployment's (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let venueId: string;
    before(async () => {
      db = await target.open();
      venueId = await createVenue(db, { communeCode: '00004', districtCode: '001', provinceCode: '01' });
      await applyDeploymentStructure(db, '2025');
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('the group commit stores a check-in with the venue’s structure', async () => {
      const visitor = await citizenWithPerson(app, '0977300001', { communeCode: '00004' });
      const id = randomUUID();
      const res = await app.inject({
        method: 'POST',
        url: '/api/checkins',
        headers: visitor.headers,
        payload: { id, venueToken: await venueToken(db, venueId), deviceTime: nowIso() },
      });
      assert.equal(res.statusCode, 201, res.body);
      const [row] = await db.query<{ unit_structure: string; commune_code: string }>(
        'select unit_structure, commune_code from checkins where id = $1',
        [id],
      );
      assert.deepEqual(row, { unit_structure: 'pre2025', commune_code: '00004' });
    });

    it('an officer of the 2025 commune with the same code sees the point’s visitors masked', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' });
      const res = await app.inject({
        method: 'POST',
        url: '/api/checkins/at-venue',
        headers: officer.headers,
        payload: { venueId, from: nowIso(-DAY), to: nowIso(60_000) },
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().masked, true);
      assert.ok(res.json().items.every((i: { fullName: string }) => i.fullName !== 'Nguyễn Văn An'));
    });

    it('a stall added to the point takes the point’s map', async () => {
      const owner = await citizenWithPerson(app, '0977300002', { communeCode: '00004' });
      const market = await createVenue(db, {
        communeCode: '00004',
        districtCode: '001',
        provinceCode: '01',
        ownerAccountId: owner.accountId,
      });
      await db.query(`update venues set unit_structure = 'pre2025' where id = $1`, [market]);
      const res = await app.inject({
        method: 'POST',
        url: `/api/venues/${market}/children`,
        headers: { ...owner.headers, origin: SITE_ORIGIN },
        payload: { items: [{ name: 'Sạp số 1' }] },
      });
      assert.equal(res.statusCode, 201, res.body);
      const rows = await db.query<{ unit_structure: string }>(
        'select unit_structure from venues where parent_id = $1',
        [market],
      );
      assert.deepEqual(rows, [{ unit_structure: 'pre2025' }]);
    });

    it('and may not hold the point’s check-ins', async () => {
      const officer = await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' });
      const res = await app.inject({
        method: 'POST',
        url: `/api/venues/${venueId}/checkin-holds`,
        headers: officer.headers,
        payload: {
          from: nowIso(-DAY),
          to: nowIso(),
          until: nowIso(30 * DAY),
          reason: 'Điều tra ổ dịch phường Ba Đình',
        },
      });
      assert.equal(res.statusCode, 403, res.body);
    });
  });
}
