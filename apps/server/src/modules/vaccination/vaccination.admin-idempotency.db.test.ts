import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { COVID19_VN_CATALOGUE } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../../core/db/db';

for (const target of dbTargets()) {
  describe(`vaccination administrators' creates honour Idempotency-Key (${target.name})`, () => {
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

    const count = async (sql: string, params: string[] = []) =>
      Number((await db.query<{ n: string }>(`select count(*)::text as n from ${sql}`, params))[0]!.n);

    /** Posts twice with one key (a lost answer retried): one record, the same answer; another body with it is 422. */
    async function retried(
      headers: SessionHeaders,
      url: string,
      payload: object,
      other: object,
      rows: () => Promise<number>,
    ) {
      const before = await rows();
      const post = (p: object) =>
        app.inject({
          method: 'POST',
          url,
          headers: { ...headers, 'idempotency-key': `k-${url}` },
          payload: p,
        });
      const first = await post(payload);
      assert.equal(first.statusCode, 201, `${url}: ${first.body}`);
      const second = await post(payload);
      assert.equal(second.statusCode, 201, `${url}: ${second.body}`);
      assert.deepEqual(second.json(), first.json(), `${url}: the same answer`);
      assert.equal(await rows(), before + 1, `${url}: one record`);
      const reused = await post(other);
      assert.equal(reused.statusCode, 422, `${url}: ${reused.body}`);
      assert.equal(reused.json().error.code, 'IDEMPOTENCY_KEY_REUSED');
      assert.equal(await rows(), before + 1);
      return first.json();
    }

    it('catalogue versions, sites, lots, campaigns and slots: a retry with the same key creates one', async () => {
      const admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      const next = structuredClone(COVID19_VN_CATALOGUE);
      next.version = 'covid19-vn-2099.1';
      next.effectiveFrom = '2099-01-01T00:00:00+07:00';
      await retried(
        admin,
        '/api/vaccination/catalogue',
        next,
        { ...next, version: 'covid19-vn-2099.2' },
        () => count('vaccine_catalogues'),
      );

      const officer = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const siteBody = {
        name: 'Trạm Y tế phường Phúc Xá',
        kind: 'fixed',
        communeCode: '00001',
        dailyCapacity: 300,
        opensAt: '07:30',
        closesAt: '17:00',
      };
      const site = await retried(
        officer,
        '/api/vaccination/sites',
        siteBody,
        { ...siteBody, dailyCapacity: 5 },
        () => count('vaccination_sites'),
      );

      const lotBody = {
        productMp: 'EU/1/21/1529',
        lotNumber: 'AZ-RETRY',
        expiresOn: '2099-12-31',
        quantity: 100,
      };
      const lot = await retried(
        officer,
        `/api/vaccination/sites/${site.id}/lots`,
        lotBody,
        { ...lotBody, quantity: 7 },
        () => count('vaccine_lots'),
      );
      // The lot's quantity was added once, not once per delivery attempt.
      assert.equal(lot.quantity, 100);
      assert.equal(await count('vaccine_lots where id = $1 and quantity = 100', [lot.id]), 1);

      const today = new Date().toISOString().slice(0, 10);
      const campaignBody = {
        name: 'Chiến dịch mùa thu',
        disease: 'covid-19',
        products: ['EU/1/21/1529'],
        targetGroups: ['older_65'],
        unitCode: '00001',
        startsOn: today,
        endsOn: '2099-12-31',
      };
      const campaign = await retried(
        officer,
        '/api/vaccination/campaigns',
        campaignBody,
        { ...campaignBody, name: 'Khác' },
        () => count('vaccination_campaigns'),
      );

      const start = new Date(Date.now() + 2 * 3_600_000);
      const slotBody = {
        siteId: site.id,
        startsAt: start.toISOString(),
        endsAt: new Date(start.getTime() + 3_600_000).toISOString(),
        capacity: 10,
      };
      await retried(
        officer,
        `/api/vaccination/campaigns/${campaign.id}/slots`,
        slotBody,
        { ...slotBody, capacity: 11 },
        () => count('vaccination_slots'),
      );
      // Without a key, a second identical slot is still refused as a duplicate (the old rule).
      const dup = await app.inject({
        method: 'POST',
        url: `/api/vaccination/campaigns/${campaign.id}/slots`,
        headers: officer,
        payload: slotBody,
      });
      assert.equal(dup.statusCode, 400);
      // Keys are the caller's own: another officer's same key is a new request of theirs.
      const colleague = (await signInAs(app, db, { role: 'commune_officer', unitCode: '00001' })).headers;
      const theirs = await app.inject({
        method: 'POST',
        url: '/api/vaccination/sites',
        headers: { ...colleague, 'idempotency-key': 'k-/api/vaccination/sites' },
        payload: siteBody,
      });
      assert.equal(theirs.statusCode, 201);
      assert.notEqual(theirs.json().id, site.id);
    });
  });
}
