import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import type { Db } from '../../core/db/db';
import { citizenWithPerson, createVenue, nowIso, venueToken } from './checkins.fixtures';

const DAY = 86_400_000;

for (const target of dbTargets()) {
  describe(`check-in sync batches and group commit (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let visitor: Awaited<ReturnType<typeof citizenWithPerson>>;
    let venueId: string;
    let token: string;
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      visitor = await citizenWithPerson(app, '0977200001');
      venueId = await createVenue(db);
      token = await venueToken(db, venueId);
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    const sync = (items: unknown[]) =>
      app.inject({
        method: 'POST',
        url: '/api/checkins/batch',
        headers: visitor.headers,
        payload: { items },
      });
    const count = async (ids: string[]) =>
      (
        await db.query<{ n: number }>('select count(*)::int as n from checkins where id = any($1::uuid[])', [
          ids,
        ])
      )[0]!.n;

    it('lands good items, rejects malformed ones alone, and answers a replay with duplicates', async () => {
      const good = Array.from({ length: 5 }, () => ({
        kind: 'visitor',
        id: randomUUID(),
        venueToken: token,
        deviceTime: nowIso(-10 * DAY), // an offline queue may be older than the live limit
      }));
      const bad = [
        { kind: 'visitor', id: 'not-a-uuid', venueToken: token, deviceTime: nowIso() },
        { kind: 'visitor', id: randomUUID(), venueToken: 'PD1:V:forged', deviceTime: nowIso() },
        { kind: 'visitor', id: randomUUID(), venueToken: token, deviceTime: nowIso(-40 * DAY) },
        {
          kind: 'staff',
          id: randomUUID(),
          venueId,
          code: 'PD1:P:not-staff-here',
          deviceTime: nowIso(),
        },
        { kind: 'alien', id: randomUUID() },
        'just a string',
      ];
      const res = await sync([good[0], ...bad, ...good.slice(1)]);
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json().results as { id: string; status: string; error?: { code: string } }[];
      assert.equal(results.length, good.length + bad.length);
      assert.deepEqual(
        results.map((r) => r.status),
        ['created', ...bad.map(() => 'rejected'), 'created', 'created', 'created', 'created'],
      );
      assert.deepEqual(
        results.slice(1, 1 + bad.length).map((r) => r.error?.code),
        [
          'VALIDATION_FAILED',
          'QR_FORGED',
          'CLOCK_SKEW',
          'FORBIDDEN',
          'VALIDATION_FAILED',
          'VALIDATION_FAILED',
        ],
      );
      assert.equal(await count(good.map((g) => g.id)), 5);

      const replay = await sync([...good, good[0]]);
      assert.ok(replay.json().results.every((r: { status: string }) => r.status === 'duplicate'));
      assert.equal(await count(good.map((g) => g.id)), 5, 'nothing recorded twice');
      const sources = await db.query<{ source: string }>(
        'select distinct source from checkins where id = any($1::uuid[])',
        [good.map((g) => g.id)],
      );
      assert.deepEqual(sources, [{ source: 'sync' }]);
    });

    it('stores one row when the same id appears twice in one batch; differing content is rejected', async () => {
      const id = randomUUID();
      const item = { kind: 'visitor', id, venueToken: token, deviceTime: nowIso() };
      const res = await sync([item, item, { ...item, deviceTime: nowIso(-5_000) }]);
      assert.deepEqual(
        res
          .json()
          .results.map((r: { status: string; error?: { code: string } }) => r.error?.code ?? r.status),
        ['created', 'duplicate', 'CONFLICT'],
      );
      assert.equal(await count([id]), 1);
    });

    it('commits a batch of 1000 at 40 venues not seen before in one transaction, one audit entry', async () => {
      const venues = await Promise.all(Array.from({ length: 40 }, () => createVenue(db)));
      const tokens = await Promise.all(venues.map((v) => venueToken(db, v)));
      const items = Array.from({ length: 1000 }, (_, i) => ({
        kind: 'visitor',
        id: randomUUID(),
        venueToken: tokens[i % tokens.length],
        deviceTime: nowIso(-((i * 7_919) % DAY)),
      }));
      const res = await sync(items);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(await count(items.map((i) => i.id)), 1000);
      // A batch split over several group commits flushes once per part: the sync path's per-row cost.
      const entries = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'checkin.create' and details->'checkinIds' ?| $1`,
        [items.map((i) => i.id)],
      );
      assert.equal(entries[0]!.n, 1);
    });

    it('refuses an oversized batch with a code', async () => {
      const items = Array.from({ length: 1001 }, () => ({
        kind: 'visitor',
        id: randomUUID(),
        venueToken: token,
        deviceTime: nowIso(),
      }));
      const res = await sync(items);
      assert.equal(res.statusCode, 413);
      assert.equal(res.json().error.code, 'CHECKIN_BATCH_TOO_LARGE');
      const huge = await app.inject({
        method: 'POST',
        url: '/api/checkins/batch',
        headers: { ...visitor.headers, 'content-type': 'application/json' },
        payload: JSON.stringify({
          items: [{ kind: 'visitor', id: randomUUID(), venueToken: 'x'.repeat(1_100_000) }],
        }),
      });
      assert.equal(huge.statusCode, 413);
      assert.equal(await count(items.map((i) => i.id)), 0);
    });

    it('group commit: 200 concurrent check-ins, every 201 has its row, in fewer commits', async () => {
      const before = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'checkin.create'`,
      );
      const ids = Array.from({ length: 200 }, () => randomUUID());
      const answers = await Promise.all(
        ids.map((id) =>
          app.inject({
            method: 'POST',
            url: '/api/checkins',
            headers: visitor.headers,
            payload: { id, venueToken: token, deviceTime: nowIso() },
          }),
        ),
      );
      const acknowledged = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id as string);
      assert.equal(acknowledged.length, 200, answers.find((a) => a.statusCode !== 201)?.body);
      assert.equal(await count(acknowledged), 200);
      const after = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'checkin.create'`,
      );
      const commits = after[0]!.n - before[0]!.n;
      assert.ok(commits >= 1 && commits < 200, `grouped into ${commits} commits`);
    });
  });
}
