import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { insertCheckins } from './figures.fixtures';
import type { FigureRow } from './figures.repository';
import { addDays, vnDay } from './figures.rollup';

type Headers = { cookie: string };
const d1 = addDays(vnDay(new Date()), -5);

/**
 * On a 2025 deployment figures roll up commune → province (no district). A point still on the 2021
 * map in Trúc Bạch (00004) is not counted in Phường Ba Đình, the 2025 commune with the same code.
 */
for (const target of dbTargets()) {
  describe(`figures on the 2025 map (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let national: Headers;
    let officer: Headers;
    const ids: Record<string, string> = {};
    const get = (query: string, headers = national) =>
      app.inject({ method: 'GET', url: `/api/figures/checkins?${query}`, headers });
    const rows = async (query: string, headers = national): Promise<FigureRow[]> => {
      const res = await get(query, headers);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().rows;
    };
    const checkins = (list: FigureRow[], code?: string) =>
      list.filter((r) => !code || r.unitCode === code).reduce((s, r) => s + r.checkins, 0);

    before(async () => {
      db = await target.open();
      // The old point first, while the database still writes the 2021 map.
      const [old] = await db.query<{ id: string }>(
        `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone, status)
         values ('shop', 'Điểm cũ Trúc Bạch', 'diem cu truc bach', '00004', '001', '01', '0912000000', 'active')
         returning id`,
      );
      ids.old = old!.id;
      await applyDeploymentStructure(db, '2025');
      app = await buildTestApp(db);
      const owner = (await signInCitizen(app, '0977000101')).headers;
      national = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00004' })).headers;
      // Hồng Hà (00097) and Ba Đình (00004) in Hà Nội; Tân Định (26737) in Hồ Chí Minh City.
      for (const [name, communeCode] of Object.entries({ A: '00097', B: '00004', C: '26737' })) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/venues',
          headers: owner,
          payload: { kind: 'shop', name: `Điểm ${name}`, communeCode },
        });
        assert.equal(res.statusCode, 201, res.body);
        ids[name] = res.json().id;
      }
      await insertCheckins(db, ids.A!, `${d1} 09:00`, 2);
      await insertCheckins(db, ids.B!, `${d1} 10:00`, 3);
      await insertCheckins(db, ids.C!, `${d1} 11:00`, 1);
      await insertCheckins(db, ids.old!, `${d1} 12:00`, 5);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('communes of a province sum to the province, points of a commune to the commune', async () => {
      const range = `from=${d1}&to=${d1}`;
      const provinces = await rows(`level=province&${range}`);
      const communes = await rows(`level=commune&unitCode=01&${range}`);
      const points = await rows(`level=venue&unitCode=00004&${range}`);
      assert.deepEqual(
        communes.map((r) => [r.unitCode, r.unitName, r.checkins]),
        [
          ['00004', 'Phường Ba Đình', 3],
          ['00097', 'Phường Hồng Hà', 2],
        ],
      );
      assert.equal(checkins(provinces, '01'), checkins(communes));
      assert.equal(checkins(provinces, '79'), 1);
      assert.equal(checkins(points), checkins(communes, '00004'));
      assert.deepEqual(
        points.map((r) => r.unitCode),
        [ids.B],
        'the 2021 point with the same commune code is not one of Ba Đình’s',
      );
    });

    it('a commune officer sees their commune’s figures only, and there is no district level', async () => {
      const mine = await rows(`level=venue&from=${d1}&to=${d1}`, officer);
      assert.equal(checkins(mine), 3);
      const district = await get(`level=district&unitCode=01&from=${d1}&to=${d1}`);
      assert.equal(district.statusCode, 400);
      assert.equal(district.json().error.details[0].code, 'LEVEL_NOT_ON_MAP');
    });
  });
}
