import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from './db';
import { migrate } from './migrate';

for (const target of dbTargets()) {
  describe(`migrations (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('is idempotent: a second run applies nothing', async () => {
      assert.deepEqual(await migrate(db), []);
    });

    it('a failed migration leaves the database as it was', async () => {
      const bad = [
        { version: '9000_good', sql: 'create table probe_a (id int);' },
        { version: '9001_bad', sql: 'create table probe_b (id int); select no_such_function();' },
      ];
      await assert.rejects(migrate(db, bad), /9001_bad failed/);
      const tables = await db.query<{ n: number }>(
        "select count(*)::int as n from information_schema.tables where table_name in ('probe_a','probe_b')",
      );
      assert.equal(tables[0]?.n, 0);
      const versions = await db.query("select 1 from schema_migrations where version like '900%'");
      assert.equal(versions.length, 0);
    });
  });
}
