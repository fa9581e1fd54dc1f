import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, signInCitizen } from '../../test-support/auth';
import type { Db } from '../../core/db/db';

type Headers = Record<string, string>;
type Item = { id: string; personId: string; active: boolean; releasedAt: string | null } & Record<
  string,
  unknown
>;

const DAY = 86_400_000;
const until = () => new Date(Date.now() + 90 * DAY).toISOString();

// The officers' holds page: every declaration hold of the area, whichever person page it was placed from.
for (const target of dbTargets()) {
  describe(`declaration holds of the officer's area over HTTP (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let commune: Headers; // Phúc Xá (00001)
    let district: Headers; // Ba Đình (001): Phúc Xá and Trúc Bạch
    let far: Headers; // Hồ Chí Minh (79)
    let citizen: Headers;
    let phucXa: string;
    let trucBach: string;
    let saigon: string;

    const call = (method: 'GET' | 'POST', url: string, headers: Headers, payload?: object) =>
      app.inject({ method, url, headers, payload });
    const list = async (headers: Headers, query = '') => {
      const res = await call('GET', `/api/declaration-holds${query}`, headers);
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Item[];
    };
    const person = async (headers: Headers, fullName: string, communeCode: string) => {
      const body = { fullName, birthYear: 1985, sex: 'female', communeCode };
      const res = await call('POST', '/api/people', headers, body);
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const hold = async (headers: Headers, personId: string, reason: string) => {
      const res = await call('POST', `/api/people/${personId}/declaration-holds`, headers, {
        until: until(),
        reason,
      });
      assert.equal(res.statusCode, 201, res.body);
      return res.json().id as string;
    };
    const areaReads = () =>
      db.query<{ person_id: string | null; details: { personIds?: string[] } }>(
        `select person_id, details from audit_log where action = 'declaration.hold.read' order by id`,
      );

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      commune = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      district = (await signInAs(app, db, { role: 'district_officer', unitCode: '001' })).headers;
      far = (await signInAs(app, db, { role: 'province_officer', unitCode: '79' })).headers;
      citizen = (await signInCitizen(app, '0912000222')).headers;
      phucXa = await person(commune, 'Nguyễn Thị Phúc', '00001');
      trucBach = await person(district, 'Trần Văn Trúc', '00004');
      saigon = await person(far, 'Lê Văn Sài', '26800');
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('refuses the signed-out (401) and anyone who may not hold data (403)', async () => {
      assert.equal((await call('GET', '/api/declaration-holds', {})).statusCode, 401);
      assert.equal((await call('GET', '/api/declaration-holds', citizen)).statusCode, 403);
      const tooMany = await call('GET', '/api/declaration-holds?limit=501', commune);
      assert.equal(tooMany.statusCode, 400);
    });

    it('an empty list names nobody and is not audited', async () => {
      assert.deepEqual(await list(commune), []);
      assert.equal((await areaReads()).length, 0);
    });

    it('lists the holds of the area only, newest first, with the commune and no name, audited', async () => {
      const a = await hold(commune, phucXa, 'Điều tra ổ dịch phường Phúc Xá');
      const b = await hold(district, trucBach, 'Điều tra ca F0 phường Trúc Bạch');
      const c = await hold(far, saigon, 'Điều tra ổ dịch tại Thủ Đức');

      const ofCommune = await list(commune);
      assert.deepEqual(
        ofCommune.map((i) => i.id),
        [a],
        'the commune officer sees its commune only',
      );
      assert.equal(ofCommune[0]!.personId, phucXa);
      assert.equal(ofCommune[0]!.reason, 'Điều tra ổ dịch phường Phúc Xá');
      assert.match(String(ofCommune[0]!.personCommuneName), /Phúc Xá/);
      assert.equal(typeof ofCommune[0]!.createdByName, 'string');
      assert.ok(!JSON.stringify(ofCommune).includes('Nguyễn Thị Phúc'), 'no name in the list');
      assert.deepEqual(
        (await list(district)).map((i) => i.id),
        [b, a],
      );
      assert.deepEqual(
        (await list(far)).map((i) => i.id),
        [c],
        'an officer of another area sees none of them',
      );
      assert.deepEqual(
        (await list(commune, '?limit=1')).map((i) => i.id),
        [a],
      );

      const reads = await areaReads();
      assert.equal(reads.length, 4);
      assert.ok(reads.every((r) => r.person_id === null));
      assert.deepEqual(reads[0]!.details.personIds, [phucXa]);
      assert.deepEqual(reads[1]!.details.personIds, [trucBach, phucXa]);
      assert.deepEqual(reads[2]!.details.personIds, [saigon]);
    });

    it('filters by in force or ended; a released hold says when and by whom', async () => {
      const [a] = await list(commune, '?active=true');
      assert.ok(a);
      assert.deepEqual(await list(commune, '?active=false'), []);
      const far404 = await call('POST', `/api/declaration-holds/${a.id}/release`, far, {});
      assert.equal(far404.statusCode, 404);
      const done = await call('POST', `/api/declaration-holds/${a.id}/release`, commune, {});
      assert.equal(done.statusCode, 200, done.body);

      assert.deepEqual(await list(commune, '?active=true'), []);
      const ended = await list(commune, '?active=false');
      assert.deepEqual(
        ended.map((i) => [i.id, i.active]),
        [[a.id, false]],
      );
      assert.equal(ended[0]!.releasedAt, done.json().releasedAt);
      assert.equal(typeof ended[0]!.releasedByName, 'string');
      assert.equal((await list(district, '?active=true')).length, 1, 'Trúc Bạch’s hold is still in force');
      assert.equal((await list(district)).length, 2, 'without a filter: both');
    });

    it('check-in holds of the area carry the person’s commune too', async () => {
      const res = await call('POST', `/api/people/${phucXa}/checkin-holds`, commune, {
        from: new Date(Date.now() - 10 * DAY).toISOString(),
        to: new Date().toISOString(),
        until: until(),
        reason: 'Điều tra ổ dịch phường Phúc Xá',
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.match(String(res.json().personCommuneName), /Phúc Xá/);
      const area = await call('GET', '/api/checkin-holds', commune);
      const items = area.json().items as Item[];
      assert.deepEqual(
        items.map((i) => [i.personId, i.personCommuneName === res.json().personCommuneName]),
        [[phucXa, true]],
      );
      assert.ok(!area.body.includes('Nguyễn Thị Phúc'));
    });
  });
}
