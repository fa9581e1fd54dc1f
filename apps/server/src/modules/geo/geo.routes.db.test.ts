import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';

for (const target of dbTargets()) {
  describe(`GET /api/units (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const get = (url: string) => app.inject({ method: 'GET', url });

    it('searches anonymously, tolerant of missing diacritics', async () => {
      const res = await get('/api/units?q=ha%20noi');
      assert.equal(res.statusCode, 200);
      const { items } = res.json();
      assert.equal(items.length, 20);
      assert.deepEqual(items[0], {
        code: '01',
        level: 1,
        name: 'Hà Nội',
        nameEn: 'Ha Noi',
        fullName: 'Thành phố Hà Nội',
        fullNameEn: 'Ha Noi City',
        type: 'Thành phố Trung ương',
        parentCode: null,
        provinceCode: '01',
        districtCode: null,
        population: 8053663,
      });
    });

    it('lists provinces of either structure without q', async () => {
      const pre = (await get('/api/units?level=1&limit=100')).json().items;
      assert.equal(pre.length, 63);
      const post = (await get('/api/units?level=1&limit=100&structure=2025')).json().items;
      assert.equal(post.length, 34);
      assert.ok(post.every((u: { population?: number }) => u.population === undefined));
      const districts = (await get('/api/units?parentCode=79&limit=100')).json().items;
      assert.ok(districts.some((u: { code: string }) => u.code === '769'));
    });

    it('refuses bad parameters with VALIDATION_FAILED', async () => {
      for (const url of [
        '/api/units?level=4',
        '/api/units?level=abc',
        '/api/units?limit=101',
        '/api/units?structure=2021',
        '/api/units?parentCode=x1',
        '/api/units?unknown=1',
        '/api/units/abc',
        '/api/units/0001/children',
        '/api/units/01?structure=2021',
      ]) {
        const res = await get(url);
        assert.equal(res.statusCode, 400, url);
        assert.equal(res.json().error.code, 'VALIDATION_FAILED', url);
      }
    });

    it('returns a unit with its ancestors, child count and 2025 mapping', async () => {
      const res = await get('/api/units/00001');
      assert.equal(res.statusCode, 200);
      const body = res.json();
      assert.equal(body.unit.fullName, 'Phường Phúc Xá');
      assert.equal(body.unit.population, undefined);
      assert.deepEqual(
        body.ancestors.map((u: { code: string }) => u.code),
        ['01', '001'],
      );
      assert.equal(body.childCount, 0);
      assert.deepEqual(
        body.mapping2025.map((u: { code: string }) => u.code),
        ['00097'],
      );
      const in2025 = (await get('/api/units/00097?structure=2025')).json();
      assert.deepEqual(
        [in2025.unit.parentCode, in2025.unit.districtCode, in2025.unit.level],
        ['01', null, 3],
      );
      assert.equal(in2025.mapping2025, undefined);
    });

    it('lists the children of a unit', async () => {
      const res = await get('/api/units/001/children');
      assert.equal(res.statusCode, 200);
      const { items } = res.json();
      assert.equal(items.length, 13);
      assert.ok(items.every((u: { parentCode: string }) => u.parentCode === '001'));
    });

    it('answers 404 UNIT_NOT_FOUND for an unknown code, in both languages', async () => {
      for (const url of ['/api/units/99999', '/api/units/999/children', '/api/units/001?structure=2025']) {
        const res = await get(url);
        assert.equal(res.statusCode, 404, url);
        const { error } = res.json();
        assert.equal(error.code, 'UNIT_NOT_FOUND');
        assert.ok(error.message.vi && error.message.en);
      }
    });
  });
}
