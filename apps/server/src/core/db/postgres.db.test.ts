// A PostgreSQL connection lost in the middle of a transaction (database restart, terminated backend)
// fails that transaction only: the process lives on and the next transaction gets a fresh connection.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from './db';

for (const target of dbTargets().filter((t) => t.name === 'postgres')) {
  describe('PostgreSQL connection lost inside a transaction', () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('rejects that transaction, keeps the process alive, and serves the next one', async () => {
      const uncaught: unknown[] = [];
      const onUncaught = (err: unknown) => uncaught.push(err);
      process.on('uncaughtException', onUncaught);
      try {
        await assert.rejects(
          db.transaction(async (tx) => {
            const [me] = await tx.query<{ pid: number }>('select pg_backend_pid() as pid');
            // Another connection ends this one while the transaction waits between queries.
            await db.query('select pg_terminate_backend($1)', [me!.pid]);
            await sleep(300);
            await tx.query('select 1');
          }),
        );
        assert.deepEqual(uncaught, [], 'no unhandled error event');
        const again = await db.transaction((tx) => tx.query<{ n: number }>('select 1 as n'));
        assert.deepEqual(again, [{ n: 1 }]);
      } finally {
        process.off('uncaughtException', onUncaught);
      }
    });
  });
}
