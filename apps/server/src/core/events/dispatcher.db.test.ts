import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db, Queryable } from '../db/db';
import { emitEvent } from './emit';
import { onEvent, onEvents, type EventHandler } from './handler';
import { dispatchEventsOnce } from './dispatch';
import { EventDispatcher } from './dispatcher';
import { listDeadEvents, retryDeadEvent } from './dead-letters';

/** A handler whose effect is a row naming the handler and the event, so effects can be counted. */
function recording(name: string, fail: () => boolean = () => false): EventHandler<'declaration.submitted'> {
  return onEvent('declaration.submitted', name, async (tx: Queryable, e) => {
    await tx.query(
      "insert into outbox_messages (channel, recipient, subject, body) values ('notice', $1, 'event', $2)",
      [name, e.payload.declarationId],
    );
    if (fail()) throw new Error(`${name} not yet`);
  });
}

/**
 * A batch handler with the same effect, one statement per batch; it notes each batch's size and
 * fails any batch holding an event `poison` says is bad.
 */
function batchRecording(
  name: string,
  sizes: number[],
  poison: (declarationId: string) => boolean = () => false,
): EventHandler<'declaration.submitted'> {
  return onEvents('declaration.submitted', name, async (tx: Queryable, events) => {
    sizes.push(events.length);
    const ids = events.map((e) => e.payload.declarationId);
    await tx.query(
      `insert into outbox_messages (channel, recipient, subject, body)
       select 'notice', $1, 'event', b from unnest($2::text[]) b`,
      [name, ids],
    );
    const bad = ids.find(poison);
    if (bad) throw new Error(`${name} cannot take ${bad.slice(-3)}`);
  });
}

const submitted = (n: number) => ({
  declarationId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  personId: '00000000-0000-4000-8000-000000000001',
  hasWarning: false,
});

async function effects(db: Db, name: string): Promise<string[]> {
  const rows = await db.query<{ body: string }>(
    "select body from outbox_messages where subject = 'event' and recipient = $1 order by body",
    [name],
  );
  return rows.map((r) => r.body);
}

for (const target of dbTargets()) {
  describe(`domain event dispatcher (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('an event emitted in a rolled-back transaction does not exist', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await emitEvent(tx, 'declaration.submitted', submitted(999));
          throw new Error('rollback');
        }),
      );
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from domain_events');
      assert.equal(n!.n, 0);
    });

    it('two servers dispatching at once: each handler’s effect happens once per event', async () => {
      const ids: string[] = [];
      await db.transaction(async (tx) => {
        for (let i = 1; i <= 40; i++) {
          await emitEvent(tx, 'declaration.submitted', submitted(i));
          ids.push(submitted(i).declarationId);
        }
      });
      // Two dispatchers, each with its own copy of the handlers (as on two servers). A zero lease lets
      // both take the same events, so only the handlings record stands between them and a double effect.
      const server = (leaseMs: number) => new EventDispatcher(db, { batch: 7, leaseMs, backoffMs: () => 0 });
      const a = server(0);
      const b = server(60_000);
      for (const d of [a, b]) {
        d.register(recording('first'));
        d.register(recording('second'));
      }
      await Promise.all([a.pass(), b.pass(), a.pass(), b.pass()]);
      assert.deepEqual(await effects(db, 'first'), ids.sort());
      assert.deepEqual(await effects(db, 'second'), ids);
      const [left] = await db.query<{ n: number }>(
        'select count(*)::int as n from domain_events where processed_at is null',
      );
      assert.equal(left!.n, 0);
    });

    it('a failed handler is retried after its backoff, without running the others again', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      let failures = 1;
      const handlers = [recording('steady'), recording('flaky', () => failures-- > 0)];
      const id = await db.transaction((tx) => emitEvent(tx, 'declaration.submitted', submitted(1)));
      await db.transaction((tx) =>
        emitEvent(tx, 'sample.collected', {
          sampleId: 's',
          barcode: 'b',
          personId: 'p',
          sessionId: 'x',
          testType: 'pcr',
        }),
      );
      assert.equal(await dispatchEventsOnce(db, handlers), 1, 'steady ran; flaky failed and rolled back');
      const [row] = await db.query<{ attempts: number; last_error: string; waits: boolean }>(
        'select attempts, last_error, next_attempt_at > now() as waits from domain_events where id = $1',
        [id],
      );
      assert.deepEqual(row, { attempts: 1, last_error: 'flaky: flaky not yet', waits: true });
      assert.equal(await dispatchEventsOnce(db, handlers), 0, 'not before its backoff');
      await db.query('update domain_events set next_attempt_at = now() where id = $1', [id]);
      assert.equal(await dispatchEventsOnce(db, handlers), 1, 'only flaky runs again');
      assert.deepEqual(await effects(db, 'steady'), [submitted(1).declarationId]);
      assert.deepEqual(await effects(db, 'flaky'), [submitted(1).declarationId]);
      const events = await db.query<{ type: string; processed: boolean }>(
        'select type, processed_at is not null as processed from domain_events order by id',
      );
      assert.deepEqual(events, [
        { type: 'declaration.submitted', processed: true },
        { type: 'sample.collected', processed: true },
      ]);
    });

    it('after too many failures an event is a dead letter until it is retried', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      let broken = true;
      const handlers = [recording('fragile', () => broken)];
      const opts = { maxAttempts: 3, backoffMs: () => 0 };
      const id = await db.transaction((tx) => emitEvent(tx, 'declaration.submitted', submitted(7)));
      for (let i = 0; i < 5; i++) await dispatchEventsOnce(db, handlers, opts);
      const [row] = await db.query<{ attempts: number; dead: boolean }>(
        'select attempts, dead_at is not null as dead from domain_events where id = $1',
        [id],
      );
      assert.deepEqual(row, { attempts: 3, dead: true }, 'tried three times, then left alone');
      const dead = await listDeadEvents(db);
      assert.deepEqual(
        dead.map((d) => ({ id: d.id, type: d.type, attempts: d.attempts, lastError: d.lastError })),
        [{ id, type: 'declaration.submitted', attempts: 3, lastError: 'fragile: fragile not yet' }],
      );
      assert.ok(!JSON.stringify(dead).includes(submitted(7).personId), 'no payload in the list');

      broken = false;
      assert.deepEqual(await retryDeadEvent(db, id), { type: 'declaration.submitted' });
      assert.equal(await retryDeadEvent(db, id), null, 'no longer dead');
      assert.equal(await dispatchEventsOnce(db, handlers, opts), 1);
      assert.deepEqual(await listDeadEvents(db), []);
      assert.deepEqual(
        await effects(db, 'fragile'),
        [submitted(7).declarationId],
        'failed runs left nothing',
      );
    });

    it('a batch handler takes a pass’s events in one transaction; other handlers still take one each', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      const ids: string[] = [];
      await db.transaction(async (tx) => {
        for (let i = 1; i <= 25; i++) {
          await emitEvent(tx, 'declaration.submitted', submitted(i));
          ids.push(submitted(i).declarationId);
        }
      });
      const sizes: number[] = [];
      const d = new EventDispatcher(db, { batch: 10 });
      d.register(batchRecording('batched', sizes));
      d.register(recording('single'));
      await d.pass();
      assert.deepEqual(sizes, [10, 10, 5], 'one call per pass of 10');
      assert.deepEqual(await effects(db, 'batched'), ids);
      assert.deepEqual(await effects(db, 'single'), ids);
      const [handled] = await db.query<{ n: number }>(
        "select count(*)::int as n from domain_event_handlings where handler = 'batched'",
      );
      assert.equal(handled!.n, 25, 'each event recorded as handled by the batch handler');
      const [left] = await db.query<{ n: number }>(
        'select count(*)::int as n from domain_events where processed_at is null',
      );
      assert.equal(left!.n, 0);
    });

    it('a bad event in a batch: the others commit, it alone is retried and becomes a dead letter', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      const ids: number[] = [];
      await db.transaction(async (tx) => {
        for (let i = 1; i <= 6; i++) ids.push(await emitEvent(tx, 'declaration.submitted', submitted(i)));
      });
      const bad = submitted(4).declarationId;
      const sizes: number[] = [];
      const handlers = [batchRecording('picky', sizes, (id) => id === bad), recording('bystander')];
      const opts = { maxAttempts: 2, backoffMs: () => 0 };
      assert.equal(await dispatchEventsOnce(db, handlers, opts), 5 + 6, 'picky took 5 alone, bystander 6');
      assert.deepEqual(sizes, [6, 1, 1, 1, 1, 1, 1], 'the batch failed, then each event alone');
      assert.deepEqual(
        await effects(db, 'picky'),
        [1, 2, 3, 5, 6].map((i) => submitted(i).declarationId),
        'the failed batch left nothing; the good events committed once',
      );
      const state = await db.query<{ id: string; attempts: number; processed: boolean; dead: boolean }>(
        `select id::text as id, attempts, processed_at is not null as processed, dead_at is not null as dead
         from domain_events order by id`,
      );
      assert.deepEqual(
        state.map((r) => [r.attempts, r.processed]),
        [
          [0, true],
          [0, true],
          [0, true],
          [1, false],
          [0, true],
          [0, true],
        ],
      );
      sizes.length = 0;
      assert.equal(await dispatchEventsOnce(db, handlers, opts), 0, 'second attempt fails again');
      assert.deepEqual(sizes, [1], 'retried alone, not as a batch with others');
      const dead = await listDeadEvents(db);
      assert.deepEqual(
        dead.map((e) => [e.id, e.attempts, e.lastError]),
        [[ids[3], 2, 'picky: picky cannot take 004']],
      );
      assert.deepEqual(
        await effects(db, 'bystander'),
        ids.map((_, i) => submitted(i + 1).declarationId),
      );
    });

    it('two servers with batch handlers at once: each event handled once', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      const ids: string[] = [];
      await db.transaction(async (tx) => {
        for (let i = 1; i <= 60; i++) {
          await emitEvent(tx, 'declaration.submitted', submitted(i));
          ids.push(submitted(i).declarationId);
        }
      });
      // A zero lease lets both servers take the same events: only the handling records keep it to once.
      const a = new EventDispatcher(db, { batch: 17, leaseMs: 0, backoffMs: () => 0 });
      const b = new EventDispatcher(db, { batch: 23, leaseMs: 0, backoffMs: () => 0 });
      for (const d of [a, b]) d.register(batchRecording('shared', []));
      await Promise.all([a.pass(), b.pass(), a.pass(), b.pass()]);
      assert.deepEqual(await effects(db, 'shared'), ids);
      const [left] = await db.query<{ n: number }>(
        'select count(*)::int as n from domain_events where processed_at is null',
      );
      assert.equal(left!.n, 0);
    });

    it('a pass goes on past a batch of events no handler wants (they once stopped it)', async () => {
      await db.exec('delete from outbox_messages; delete from domain_events');
      await db.transaction(async (tx) => {
        for (let i = 1; i <= 5; i++)
          await emitEvent(tx, 'sample.collected', {
            sampleId: `s${i}`,
            barcode: 'b',
            personId: 'p',
            sessionId: 'x',
            testType: 'pcr',
          });
        await emitEvent(tx, 'declaration.submitted', submitted(1));
      });
      const d = new EventDispatcher(db, { batch: 5 });
      d.register(recording('later'));
      await d.pass();
      assert.deepEqual(await effects(db, 'later'), [submitted(1).declarationId]);
    });

    it('a handler name registered twice for one type is refused', () => {
      const d = new EventDispatcher(db);
      d.register(recording('once'));
      assert.throws(() => d.register(recording('once')), /registered twice/);
    });
  });
}
