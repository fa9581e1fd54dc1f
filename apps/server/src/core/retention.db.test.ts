import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../test-support/test-db';
import type { Db } from './db/db';
import { applyRetention } from './retention';

for (const target of dbTargets()) {
  describe(`retention of short-lived personal data (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('deletes only what is past its period', async () => {
      const old = "now() - interval '90 days'";
      await db.exec(`
        insert into outbox_messages (channel, recipient, subject, body, status, created_at)
          values ('sms', '+84912345678', 'OTP', 'old', 'sent', ${old}),
                 ('sms', '+84912345678', 'OTP', 'new', 'sent', now()),
                 ('sms', '+84912345678', 'OTP', 'old but unsent', 'pending', ${old});
        insert into idempotency_keys (scope, key, request_hash, status_code, response, created_at)
          values ('s', 'old', 'h', 201, '{}', ${old}), ('s', 'new', 'h', 201, '{}', now());
      `);
      const deleted = await applyRetention(db);
      assert.equal(deleted.outboxMessages, 1);
      assert.equal(deleted.idempotencyKeys, 1);
      const bodies = await db.query<{ body: string }>('select body from outbox_messages order by body');
      assert.deepEqual(
        bodies.map((b) => b.body),
        ['new', 'old but unsent'],
      );
      assert.deepEqual(await applyRetention(db), {
        sessions: 0,
        otpCodes: 0,
        outboxMessages: 0,
        idempotencyKeys: 0,
        domainEvents: 0,
      });
    });

    it('deletes handled domain events after a week, never pending or dead ones', async () => {
      await db.exec(`
        insert into domain_events (type, processed_at) values ('declaration.submitted', now() - interval '8 days');
        insert into domain_event_handlings (event_id, handler) select id, 'h' from domain_events;
        insert into domain_events (type, processed_at) values ('declaration.submitted', now() - interval '6 days');
        insert into domain_events (type, created_at) values ('declaration.submitted', now() - interval '90 days');
        insert into domain_events (type, created_at, dead_at)
          values ('declaration.submitted', now() - interval '90 days', now() - interval '80 days');
      `);
      assert.equal((await applyRetention(db)).domainEvents, 1);
      const [left] = await db.query<{ events: number; handlings: number }>(
        'select (select count(*)::int from domain_events) as events, (select count(*)::int from domain_event_handlings) as handlings',
      );
      assert.deepEqual(left, { events: 3, handlings: 0 });
    });
  });
}
