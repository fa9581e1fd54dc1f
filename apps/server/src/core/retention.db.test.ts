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
        passwordGuesses: 0,
        domainEvents: 0,
        pendingIdentities: 0,
        apiTokens: 0,
        dailyCountRefreshes: 0,
      });
    });

    it('forgets old password guesses, handled events, stale pending identities and revoked tokens', async () => {
      const old = "now() - interval '90 days'";
      const [account] = await db.query<{ id: string }>(
        `insert into accounts (kind, phone, display_name, role) values ('citizen', '+84912000111', 'x', 'citizen')
         returning id`,
      );
      const card = `'{"fullName":"Hồ Văn Cũ"}'::jsonb`;
      await db.query(
        `insert into password_guesses (account_id, ip_hash, failures, next_allowed_at, updated_at)
           values ($1, 'old', 7, ${old}, ${old}), ($1, 'new', 1, now(), now()),
                  ($1, 'still-waiting', 12, now() + interval '1 hour', ${old})`,
        [account!.id],
      );
      await db.exec(`
        insert into domain_events (type, payload, created_at, processed_at)
          values ('t', '{}', ${old}, ${old}), ('t', '{}', now(), now()), ('t', '{}', ${old}, null);
        insert into pending_identities (method, card, full_name, venue_id, commune_code, province_code,
            created_at, status, resolved_at)
          values ('cccd', ${card}, 'old resolved', gen_random_uuid(), '00001', '01', ${old}, 'merged', ${old}),
                 ('cccd', ${card}, 'old unresolved', gen_random_uuid(), '00001', '01', ${old}, 'pending', null),
                 ('cccd', ${card}, 'new', gen_random_uuid(), '00001', '01', now(), 'pending', null);
      `);
      // Revoked tokens are kept exactly 90 days: an "old" one at 90 days to the microsecond could be
      // younger than the retention's millisecond clock on a fast server, so it is well past.
      await db.query(
        `insert into api_tokens (account_id, name, token_hash, revoked_at)
           values ($1, 'old', 'h1', now() - interval '100 days'), ($1, 'live', 'h2', null)`,
        [account!.id],
      );
      const deleted = await applyRetention(db);
      assert.deepEqual(
        [deleted.passwordGuesses, deleted.domainEvents, deleted.pendingIdentities, deleted.apiTokens],
        [1, 1, 2, 1],
      );
      const left = async (sql: string) => (await db.query<{ k: string }>(sql)).map((r) => r.k).sort();
      assert.deepEqual(await left('select ip_hash as k from password_guesses'), ['new', 'still-waiting']);
      assert.deepEqual(await left('select full_name as k from pending_identities'), ['new']);
      assert.deepEqual(await left('select name as k from api_tokens'), ['live']);
      assert.equal((await db.query('select 1 from domain_events')).length, 2, 'unhandled events stay');
    });

    it('deletes handled domain events after a week, never pending or dead ones', async () => {
      // The database is shared with the test above: start from no events.
      await db.exec(`
        delete from domain_events;
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
