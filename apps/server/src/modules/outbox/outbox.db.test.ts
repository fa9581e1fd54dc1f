import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { dispatchOutboxOnce, sendMessage } from './outbox';
import type { OutgoingMessage, Transport } from './transport';

class RecordingTransport implements Transport {
  readonly name = 'recording';
  readonly keepsInbox = false;
  sent: string[] = [];
  failNext = 0;
  async send(m: OutgoingMessage): Promise<void> {
    if (this.failNext > 0) {
      this.failNext--;
      throw new Error('gateway down');
    }
    this.sent.push(m.id);
  }
}

for (const target of dbTargets()) {
  describe(`outbox (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('a message queued in a rolled-back transaction is never sent', async () => {
      await assert.rejects(
        db.transaction(async (tx) => {
          await sendMessage(tx, { channel: 'sms', to: '+84912345678', subject: 's', body: 'b' });
          throw new Error('rollback');
        }),
      );
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from outbox_messages');
      assert.equal(n!.n, 0);
    });

    it('sends each message exactly once, even with two dispatchers at once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 30; i++)
        ids.push(
          await db.transaction((tx) =>
            sendMessage(tx, { channel: 'notice', to: `acc-${i}`, subject: 's', body: `b${i}` }),
          ),
        );
      const t1 = new RecordingTransport();
      const t2 = new RecordingTransport();
      await Promise.all([
        dispatchOutboxOnce(db, t1, 7),
        dispatchOutboxOnce(db, t2, 7),
        dispatchOutboxOnce(db, t1, 50),
      ]);
      while ((await dispatchOutboxOnce(db, t2, 7)) > 0);
      const all = [...t1.sent, ...t2.sent].sort();
      assert.deepEqual(all, [...ids].sort());
      const [left] = await db.query<{ n: number }>(
        "select count(*)::int as n from outbox_messages where status <> 'sent'",
      );
      assert.equal(left!.n, 0);
      assert.equal(await dispatchOutboxOnce(db, t1), 0);
    });

    it('a failed send is retried on a later pass', async () => {
      const id = await db.transaction((tx) =>
        sendMessage(tx, { channel: 'sms', to: '+84912345678', subject: 's', body: 'b' }),
      );
      const t = new RecordingTransport();
      t.failNext = 1;
      assert.equal(await dispatchOutboxOnce(db, t), 0);
      const [row] = await db.query<{ status: string; last_error: string }>(
        'select status, last_error from outbox_messages where id = $1',
        [id],
      );
      assert.deepEqual(row, { status: 'pending', last_error: 'gateway down' });
      assert.equal(await dispatchOutboxOnce(db, t), 1);
      assert.deepEqual(t.sent, [id]);
    });
  });
}
