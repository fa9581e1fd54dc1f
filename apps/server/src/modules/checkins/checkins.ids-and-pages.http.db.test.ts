import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';
import { citizenWithPerson, createVenue, nowIso, venueToken } from './checkins.fixtures';

for (const target of dbTargets()) {
  describe(`check-in ids and my check-ins pages (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let visitor: Awaited<ReturnType<typeof citizenWithPerson>>;
    let token: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      visitor = await citizenWithPerson(app, '0977100081');
      token = await venueToken(db, await createVenue(db));
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('a check-in sent with an upper-case id is recorded once and its retries answer duplicate', async () => {
      const id = randomUUID().toUpperCase();
      const body = { id, venueToken: token, deviceTime: nowIso() };
      const first = await app.inject({
        method: 'POST',
        url: '/api/checkins',
        headers: visitor.headers,
        payload: body,
      });
      assert.equal(first.statusCode, 201, first.body);
      assert.equal(first.json().id, id.toLowerCase());
      for (let i = 0; i < 2; i++) {
        const retry = await app.inject({
          method: 'POST',
          url: '/api/checkins',
          headers: visitor.headers,
          payload: body,
        });
        assert.equal(retry.statusCode, 201, retry.body);
        assert.equal(retry.json().duplicate, true);
      }
      const lower = await app.inject({
        method: 'POST',
        url: '/api/checkins',
        headers: visitor.headers,
        payload: { ...body, id: id.toLowerCase() },
      });
      assert.equal(lower.json().duplicate, true, 'the same id in lower case is the same check-in');
      const rows = await db.query<{ n: number }>('select count(*)::int as n from checkins where id = $1', [
        id,
      ]);
      assert.equal(rows[0]!.n, 1);
    });

    it('pages of my check-ins neither skip nor repeat rows that share a server time', async () => {
      // One offline batch lands in one group commit: its check-ins share one server time.
      const items = Array.from({ length: 45 }, (_, i) => ({
        kind: 'visitor',
        id: randomUUID(),
        venueToken: token,
        deviceTime: nowIso(-(i + 1) * 60_000),
      }));
      const sync = await app.inject({
        method: 'POST',
        url: '/api/checkins/batch',
        headers: visitor.headers,
        payload: { items },
      });
      assert.equal(sync.statusCode, 200, sync.body);
      const [shared] = await db.query<{ n: number }>(
        `select max(n)::int as n from (select count(*) as n from checkins where person_id = $1 group by server_time) t`,
        [visitor.personId],
      );
      assert.ok(shared!.n >= 10, `rows share a server time (${shared!.n})`);
      const [total] = await db.query<{ n: number }>(
        'select count(*)::int as n from checkins where person_id = $1',
        [visitor.personId],
      );

      const seen: string[] = [];
      let cursor: string | null = null;
      for (let page = 0; page < 50; page++) {
        const url: string = `/api/me/checkins?limit=7${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
        const res = await app.inject({ method: 'GET', url, headers: visitor.headers });
        assert.equal(res.statusCode, 200, res.body);
        const body = res.json() as { items: { id: string }[]; nextCursor: string | null };
        seen.push(...body.items.map((x) => x.id));
        cursor = body.nextCursor;
        if (!cursor) break;
      }
      assert.equal(new Set(seen).size, seen.length, 'no row repeated');
      assert.equal(seen.length, total!.n, 'every row on some page');
    });

    it('a cursor that is not one answers 400 with the error format', async () => {
      const res = await app.inject({
        method: 'GET',
        url: '/api/me/checkins?cursor=bm9wZQ',
        headers: visitor.headers,
      });
      assert.equal(res.statusCode, 400);
      assert.equal(res.json().error.code, 'VALIDATION_FAILED');
    });
  });
}
