import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { insertCheckins, insertDeclarations, registeredOn } from './figures.fixtures';
import type { FigureRow } from './figures.repository';
import { addDays, ensureFreshCounts, vnDay } from './figures.rollup';

type Headers = { cookie: string };
const today = vnDay(new Date());
const d1 = addDays(today, -12);
const d2 = addDays(today, -11);
const start = addDays(today, -20);

for (const target of dbTargets()) {
  describe(`figures of check-in points (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let owner: Headers;
    let national: Headers;
    const ids: Record<string, string> = {};
    const get = async (url: string, headers: Headers) => app.inject({ method: 'GET', url, headers });
    const rows = async (query: string, headers = national): Promise<FigureRow[]> => {
      const res = await get(`/api/figures/checkins?${query}`, headers);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().rows;
    };

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      owner = (await signInCitizen(app, '0977000001')).headers;
      national = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      // A, B in Phúc Xá; C in Trúc Bạch (same district); D in Hoàn Kiếm (registered on d2); E in HCMC.
      const points = { A: '00001', B: '00001', C: '00004', D: '00037', E: '26734' };
      for (const [name, communeCode] of Object.entries(points)) {
        const res = await app.inject({
          method: 'POST',
          url: '/api/venues',
          headers: owner,
          payload: { kind: 'shop', name: `Điểm ${name}`, communeCode },
        });
        ids[name] = res.json().id;
        await registeredOn(db, ids[name]!, name === 'D' ? d2 : start);
      }
      await insertCheckins(db, ids.A!, `${d1} 09:00`, 2);
      await insertCheckins(db, ids.A!, `${d1} 23:30`, 1); // still d1 in Vietnam (16:30 UTC)
      await insertCheckins(db, ids.B!, `${d2} 00:30`, 1); // d2 in Vietnam, d1 in UTC
      await insertCheckins(db, ids.C!, `${d1} 12:00`, 2);
      await insertCheckins(db, ids.D!, `${d2} 15:00`, 4);
      await insertCheckins(db, ids.E!, `${d1} 10:00`, 1);
      await insertDeclarations(db, ids.A!, `${d1} 09:05`, 2);
      await insertDeclarations(db, null, `${d1} 09:05`, 5); // not made at a point
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('counts points, check-ins and declarations per province and Vietnam day', async () => {
      const got = await rows(`level=province&from=${d1}&to=${d2}`);
      assert.deepEqual(
        got.map((r) => [r.unitCode, r.day, r.points, r.checkins, r.declarations]),
        [
          ['01', d1, 3, 5, 2],
          ['01', d2, 4, 5, 0],
          ['79', d1, 1, 1, 0],
          ['79', d2, 1, 0, 0],
        ],
      );
      assert.equal(got[0]!.unitName, 'Thành phố Hà Nội');
    });

    it('roll-ups sum up across levels: venue → commune → district → province', async () => {
      const sum = (list: FigureRow[], day: string) =>
        list
          .filter((r) => r.day === day)
          .reduce((s, r) => [s[0]! + r.points, s[1]! + r.checkins, s[2]! + r.declarations], [0, 0, 0]);
      const pick = (list: FigureRow[], code: string, day: string) => {
        const r = list.find((x) => x.unitCode === code && x.day === day);
        return r ? [r.points, r.checkins, r.declarations] : [0, 0, 0];
      };
      const range = `from=${d1}&to=${d2}`;
      const provinces = await rows(`level=province&${range}`);
      const districts = await rows(`level=district&unitCode=01&${range}`);
      const communes = await rows(`level=commune&unitCode=001&${range}`);
      const venues = await rows(`level=venue&unitCode=00001&${range}`);
      assert.deepEqual(new Set(districts.map((r) => r.unitCode)), new Set(['001', '002']));
      for (const day of [d1, d2]) {
        assert.deepEqual(sum(districts, day), pick(provinces, '01', day), `districts of 01 on ${day}`);
        assert.deepEqual(sum(communes, day), pick(districts, '001', day), `communes of 001 on ${day}`);
        assert.deepEqual(sum(venues, day), pick(communes, '00001', day), `points of 00001 on ${day}`);
      }
      assert.deepEqual(pick(venues, ids.A!, d1), [1, 3, 2]);
      assert.deepEqual(pick(venues, ids.B!, d2), [1, 1, 0]);
    });

    it('keeps officers to their area and owners to their points', async () => {
      const phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const mine = await rows(`level=venue&from=${d1}&to=${d1}`, phucXa);
      assert.deepEqual(new Set(mine.map((r) => r.unitCode)), new Set([ids.A, ids.B]));
      assert.equal((await get(`/api/figures/checkins?level=district&unitCode=01`, phucXa)).statusCode, 403);
      const hcmc = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      assert.equal((await get(`/api/figures/checkins?level=commune&unitCode=001`, hcmc)).statusCode, 403);
      assert.equal((await get(`/api/figures/checkins?level=province`, hcmc)).json().rows[0].unitCode, '79');
      assert.equal(
        (await get(`/api/figures/checkins?level=province&unitCode=00001`, national)).statusCode,
        400,
      );
      assert.equal((await get(`/api/figures/checkins?level=province`, owner)).statusCode, 403);
      const own = await get(`/api/venues/${ids.A}/figures?from=${d1}&to=${d1}`, owner);
      assert.deepEqual(
        own.json().rows.map((r: FigureRow) => r.checkins),
        [3],
      );
      const other = (await signInCitizen(app, '0977000002')).headers;
      assert.equal((await get(`/api/venues/${ids.A}/figures`, other)).statusCode, 404);
    });

    it('rolls up a past day once and today at most once a minute', async () => {
      await insertCheckins(db, ids.A!, `${d1} 10:00`, 1);
      assert.equal(
        (await rows(`level=venue&unitCode=00001&from=${d1}&to=${d1}`)).find((r) => r.unitCode === ids.A)!
          .checkins,
        3,
      );
      const now = new Date();
      const hhmm = (d: Date) => new Date(d.getTime() + 7 * 3600_000).toISOString().slice(11, 16);
      await insertCheckins(db, ids.C!, `${today} ${hhmm(new Date(now.getTime() - 120_000))}`, 1);
      const todayC = async () =>
        (await rows(`level=venue&unitCode=00004&from=${today}&to=${today}`)).find(
          (r) => r.unitCode === ids.C,
        )!.checkins;
      // Earlier requests may have rolled up today a moment ago: step the clock past the minute.
      const later = (s: number) => new Date(now.getTime() + s * 1000);
      await ensureFreshCounts(db, today, today, later(61));
      assert.equal(await todayC(), 1);
      await insertCheckins(db, ids.C!, `${today} ${hhmm(new Date(now.getTime() - 60_000))}`, 1);
      assert.equal(await todayC(), 1, 'fresh for a minute');
      await ensureFreshCounts(db, today, today, later(100));
      assert.equal(await todayC(), 1, 'still within the minute');
      await ensureFreshCounts(db, today, today, later(122));
      assert.equal(await todayC(), 2);
    });
  });
}
