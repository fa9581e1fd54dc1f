import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs } from '../../test-support/auth';
import type { Db } from '../../core/db/db';
import { ensurePartitions } from '../../core/db/partitions';
import { locationOfCommune } from '../geo';
import { ctx, input, staff } from '../people/people.fixtures';
import { peopleWriteService } from '../people';
import { addWorklistItem } from './worklist.service';
import { vietnamMidnight } from './worklist.summary';

const HOUR = 3600_000;

for (const target of dbTargets()) {
  describe(`worklist summary: the officer's home counts (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    const today = new Date(vietnamMidnight().getTime() + 60_000);
    const yesterday = new Date(vietnamMidnight().getTime() - HOUR);

    async function checkin(communeCode: string, at: Date) {
      const loc = (await locationOfCommune(db, communeCode))!;
      await db.query(
        `insert into checkins (id, person_id, venue_id, method, device_time, server_time, commune_code,
                               district_code, province_code)
         values (gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 'venue_qr', $1, $1, $2, $3, $4)`,
        [at, loc.communeCode, loc.districtCode, loc.provinceCode],
      );
    }
    async function result(personId: string, barcode: string, result: string, at: Date) {
      await db.query(
        `insert into person_results (person_id, barcode, result, test_type, pooled, released_at)
         values ($1, $2, $3, 'rt_pcr', false, $4)`,
        [personId, barcode, result, at],
      );
    }

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      await ensurePartitions(db, 'checkins', 'day', yesterday, 2);
      await checkin('00001', today);
      await checkin('00001', today);
      await checkin('00001', yesterday);
      await checkin('26800', today);
      const people = peopleWriteService(db);
      const admin = ctx(staff('national_admin', null));
      const here = (await people.create(admin, input({ communeCode: '00001' }))).body;
      const away = (await people.create(admin, input({ communeCode: '26800', birthDate: '1970-02-02' })))
        .body;
      await result(here.id, 'B-1', 'positive', today);
      await result(here.id, 'B-2', 'negative', today);
      await result(here.id, 'B-0', 'negative', yesterday);
      await result(away.id, 'B-3', 'positive', today);
      await db.transaction(async (tx) => {
        const item = { kind: 'k', personId: null, title: { vi: 'x', en: 'x' }, sourceType: 't' };
        await addWorklistItem(tx, { ...item, communeCode: '00001', sourceId: '1' });
        await addWorklistItem(tx, { ...item, communeCode: '00001', sourceId: '2' });
        await addWorklistItem(tx, { ...item, communeCode: '26800', sourceId: '3' });
      });
      await db.query(`update worklist_items set status = 'done' where source_id = '2'`);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('counts only the area and only since midnight in Vietnam', async () => {
      const phucXa = await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' });
      const res = await app.inject({ method: 'GET', url: '/api/worklist/summary', headers: phucXa.headers });
      assert.equal(res.statusCode, 200, res.body);
      const { since, ...counts } = res.json();
      assert.deepEqual(counts, { openItems: 1, checkinsToday: 2, resultsToday: 2, positiveToday: 1 });
      assert.equal(since, vietnamMidnight().toISOString());
      const national = await signInAs(app, db, { role: 'national_admin', unitCode: null });
      const all = await app.inject({
        method: 'GET',
        url: '/api/worklist/summary',
        headers: national.headers,
      });
      assert.equal(all.json().checkinsToday, 3);
      assert.equal(all.json().openItems, 2);
    });

    it('refuses roles without a worklist', async () => {
      const sampler = await signInAs(app, db, { role: 'sampler', unitCode: '00001' });
      const res = await app.inject({ method: 'GET', url: '/api/worklist/summary', headers: sampler.headers });
      assert.equal(res.statusCode, 403);
      assert.equal(res.json().error.code, 'FORBIDDEN');
    });

    it('midnight in Vietnam is 17:00 UTC the day before', () => {
      assert.equal(
        vietnamMidnight(Date.parse('2026-03-10T16:59:00Z')).toISOString(),
        '2026-03-09T17:00:00.000Z',
      );
      assert.equal(
        vietnamMidnight(Date.parse('2026-03-10T17:00:00Z')).toISOString(),
        '2026-03-10T17:00:00.000Z',
      );
    });
  });
}
