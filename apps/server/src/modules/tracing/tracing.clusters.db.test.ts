import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { VN_2021_2_TRACING_RULES } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import { createCasePerson } from '../cases/cases.fixtures';
import { checkin, openCase, venueOf } from './tracing.fixtures';

const H = 3_600_000;
const vnDay = (d: Date) => new Date(d.getTime() + 7 * H).toISOString().slice(0, 10);

// Clusters (issue #13 §3) by point, workplace, household and area: proposed by the rules' data,
// confirmed, named and closed by officers of the cluster's area; the page lists it over time.
for (const target of dbTargets()) {
  describe(`tracing: clusters by point, household and area (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let congVi: SessionHeaders;
    let phucXa: SessionHeaders;
    const N = VN_2021_2_TRACING_RULES.cluster.areaMinCases!;
    type Cluster = { id: string; kind: string; status: string; cases: number; name: string | null };
    const list = async (headers: SessionHeaders) => {
      const res = await app.inject({ method: 'GET', url: '/api/tracing/clusters', headers });
      assert.equal(res.statusCode, 200, res.body);
      return res.json().items as Cluster[];
    };
    const post = (url: string, headers: SessionHeaders, payload: object = {}) =>
      app.inject({ method: 'POST', url, headers, payload });
    const caseIn = async (commune: string, opts: { at?: string; street?: string } = {}) => {
      const person = await createCasePerson(db, { communeCode: commune });
      if (opts.street) await db.query('update persons set street = $2 where id = $1', [person, opts.street]);
      if (opts.at)
        await checkin(db, person, opts.at, new Date(Date.now() - 30 * H), new Date(Date.now() - 29 * H));
      const today = vnDay(new Date());
      return (await openCase(db, person, today, null)).caseId;
    };

    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      // Cống Vị (00007, Ba Đình): the area under test.
      congVi = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00007' })).headers;
      phucXa = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('three cases at one factory make a workplace cluster, one household a household cluster', async () => {
      const factory = await venueOf(db, 'factory', { communeCode: '00007' });
      for (let i = 0; i < 3; i++) await caseIn('00007', { at: factory });
      for (let i = 0; i < 3; i++) await caseIn('00007', { street: 'Số 5 Hàng Chiếu' });
      await app.events.pass();
      const kinds = (await list(congVi)).map((c) => `${c.kind}:${c.cases}`).sort();
      assert.deepEqual(kinds, ['household:3', 'workplace:3']);
    });

    it(`a commune with ${N} cases in the window is proposed as an area cluster, not before`, async () => {
      // 6 cases already live in Cống Vị; up to N - 1 nothing is proposed for the area.
      for (let i = 6; i < N - 1; i++) await caseIn('00007');
      await app.events.pass();
      assert.ok(!(await list(congVi)).some((c) => c.kind === 'area'), `${N - 1} cases: no area cluster`);
      await caseIn('00007');
      await app.events.pass();
      const area = (await list(congVi)).filter((c) => c.kind === 'area');
      assert.equal(area.length, 1);
      assert.equal(area[0]!.cases, N);
      assert.equal(area[0]!.status, 'proposed');
      assert.ok(!(await list(phucXa)).some((c) => c.kind === 'area'), 'another commune does not see it');
    });

    it('officers confirm and name it, the page lists cases, contacts and points; closing ends it', async () => {
      const area = (await list(congVi)).find((c) => c.kind === 'area')!;
      const far = await post(`/api/tracing/clusters/${area.id}/confirm`, phucXa, { name: 'x' });
      assert.equal(far.json().error.code, 'CLUSTER_NOT_FOUND');
      const named = await post(`/api/tracing/clusters/${area.id}/confirm`, congVi, {
        name: 'Ổ dịch phường Cống Vị',
      });
      assert.equal(named.statusCode, 200, named.body);
      assert.deepEqual([named.json().status, named.json().name], ['confirmed', 'Ổ dịch phường Cống Vị']);
      const page = await app.inject({
        method: 'GET',
        url: `/api/tracing/clusters/${area.id}`,
        headers: congVi,
      });
      assert.equal(page.statusCode, 200, page.body);
      const body = page.json() as {
        cases: { windowStart: string; personName: string | null; masked: boolean; annulledAt: null }[];
        venues: { name: string | null }[];
        contactsByDay: unknown[];
      };
      assert.equal(body.cases.length, N);
      // The cases live in Cống Vị: named for its officer, none annulled; the points carry their names.
      assert.ok(body.cases.every((c) => c.personName && !c.masked && c.annulledAt === null));
      assert.ok(body.venues.every((v) => typeof v.name === 'string'));
      const starts = body.cases.map((c) => c.windowStart);
      assert.deepEqual(starts, [...starts].sort(), 'over time');
      assert.ok(body.venues.length >= 1, 'the factory');
      assert.ok(Array.isArray(body.contactsByDay));
      const closed = await post(`/api/tracing/clusters/${area.id}/close`, congVi);
      assert.equal(closed.json().status, 'closed');
      const late = await post(`/api/tracing/clusters/${area.id}/confirm`, congVi, { name: 'y' });
      assert.equal(late.json().error.code, 'CLUSTER_CLOSED');
      // A further case in the commune proposes a new cluster: the closed one stays closed.
      await caseIn('00007');
      await app.events.pass();
      const areas = (await list(congVi)).filter((c) => c.kind === 'area');
      assert.deepEqual(areas.map((c) => c.status).sort(), ['closed', 'proposed']);
    });
  });
}
