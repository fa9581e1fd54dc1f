import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { dbTargets } from '../../test-support/test-db';
import { buildTestApp } from '../../test-support/test-app';
import { signInAs, type SessionHeaders } from '../../test-support/auth';
import type { Db } from '../db/db';
import { emitEvent } from './emit';
import { onEvent } from './handler';
import { dispatchEventsOnce } from './dispatch';

const payload = {
  declarationId: '00000000-0000-4000-8000-000000000042',
  personId: '00000000-0000-4000-8000-000000000001',
  hasWarning: true,
};

async function until(what: string, f: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (await f()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out waiting for ${what}`);
}

const processed = async (db: Db, id: number) =>
  (await db.query('select 1 from domain_events where id = $1 and processed_at is not null', [id])).length > 0;

for (const target of dbTargets()) {
  describe(`domain events in the running app (${target.name})`, () => {
    let db: Db;
    let app: FastifyInstance;
    let admin: SessionHeaders;
    let officer: SessionHeaders;
    const handled: number[] = [];
    before(async () => {
      db = await target.open();
      app = await buildTestApp(db);
      app.events.register(
        onEvent('test.positive', 'test-recorder', async (_tx, e) => {
          handled.push(e.id);
        }),
      );
      admin = (await signInAs(app, db, { role: 'national_admin', unitCode: null })).headers;
      officer = (await signInAs(app, db, { role: 'province_officer', unitCode: '01' })).headers;
    });
    after(async () => {
      await app.close();
      await db.close();
    });

    it('the dispatcher runs while the app does', async () => {
      const id = await db.transaction((tx) =>
        emitEvent(tx, 'test.positive', {
          personId: payload.personId,
          barcode: 'HN-0001',
          collectedAt: new Date().toISOString(),
          releasedAt: new Date().toISOString(),
        }),
      );
      await until('the event to be handled', () => processed(db, id));
      assert.deepEqual(handled, [id]);
    });

    it('national administrators list dead events (no payload) and retry them, audited', async () => {
      const id = await db.transaction((tx) => emitEvent(tx, 'declaration.submitted', payload));
      const failing = onEvent('declaration.submitted', 'always-fails', async () => {
        throw new Error('downstream refused');
      });
      // Made dead by a dispatcher of its own (the app's has no handler for this type).
      await dispatchEventsOnce(db, [failing], { maxAttempts: 1 });

      const refused = await app.inject({ method: 'GET', url: '/api/admin/events/dead', headers: officer });
      assert.equal(refused.statusCode, 403);
      const list = await app.inject({ method: 'GET', url: '/api/admin/events/dead', headers: admin });
      assert.equal(list.statusCode, 200);
      const items = list.json<{
        items: { id: number; type: string; attempts: number; lastError: string }[];
      }>().items;
      assert.deepEqual(
        items.map((d) => [d.id, d.type, d.attempts, d.lastError]),
        [[id, 'declaration.submitted', 1, 'always-fails: downstream refused']],
      );
      assert.ok(!list.body.includes(payload.personId), 'no payload leaves the server');

      const byOfficer = await app.inject({
        method: 'POST',
        url: `/api/admin/events/${id}/retry`,
        headers: officer,
      });
      assert.equal(byOfficer.statusCode, 403);
      const retried = await app.inject({
        method: 'POST',
        url: `/api/admin/events/${id}/retry`,
        headers: admin,
      });
      assert.equal(retried.statusCode, 204);
      // The app's dispatcher has no handler that fails: the event is now processed.
      await until('the retried event to be processed', () => processed(db, id));
      const audit = await db.query<{ details: { eventId: number } }>(
        "select details from audit_log where action = 'events.retry'",
      );
      assert.deepEqual(
        audit.map((a) => a.details.eventId),
        [id],
      );

      const again = await app.inject({
        method: 'POST',
        url: `/api/admin/events/${id}/retry`,
        headers: admin,
      });
      assert.equal(again.statusCode, 404);
      assert.equal(again.json<{ error: { code: string } }>().error.code, 'DEAD_EVENT_NOT_FOUND');
      const bad = await app.inject({ method: 'POST', url: '/api/admin/events/x1/retry', headers: admin });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json<{ error: { code: string } }>().error.code, 'VALIDATION_FAILED');
    });
  });
}
