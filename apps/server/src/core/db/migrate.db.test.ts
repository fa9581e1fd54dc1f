import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from './db';
import { migrate } from './migrate';
import { ensurePartitions, listPartitions } from './partitions';
import { prebuildPartitionIndexes } from './prebuild-indexes';

const VERSION = '0066_checkins_covering_indexes';

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

for (const target of dbTargets()) {
  describe(`indexes built ahead of a migration (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    if (target.name === 'pglite') {
      it('is refused on PGlite (one process: its migration builds them)', async () => {
        await assert.rejects(prebuildPartitionIndexes(db, VERSION), /PostgreSQL servers/);
      });
      return;
    }

    it('builds each partition’s index concurrently; the migration then attaches them instead of building', async () => {
      await ensurePartitions(db, 'checkins', 'day', new Date(), 2);
      // The database as it was before 0066: the plain two-column indexes, 0066 not applied.
      await db.exec(`drop index checkins_venue_time_idx; drop index checkins_person_time_idx;
        create index checkins_venue_time_idx on checkins (venue_id, server_time);
        create index checkins_person_time_idx on checkins (person_id, server_time)`);
      await db.query('delete from schema_migrations where version = $1', [VERSION]);
      const parts = (await listPartitions(db, 'checkins')).map((p) => p.name);
      assert.ok(parts.length > 0);

      const built = await prebuildPartitionIndexes(db, VERSION);
      assert.equal(built.length, 2 * parts.length);
      assert.deepEqual(await prebuildPartitionIndexes(db, VERSION), [], 'a second run finds them built');
      assert.deepEqual(await migrate(db), [VERSION]);

      for (const parent of ['checkins_venue_time_idx', 'checkins_person_time_idx']) {
        const attached = await db.query<{ name: string; valid: boolean; def: string }>(
          `select c.relname as name, i.indisvalid as valid, pg_get_indexdef(c.oid) as def
             from pg_inherits h join pg_class c on c.oid = h.inhrelid join pg_class p on p.oid = h.inhparent
             join pg_index i on i.indexrelid = c.oid
            where p.relname = $1 order by 1`,
          [parent],
        );
        assert.deepEqual(
          attached.map((a) => a.name),
          parts.map((p) => `${p}_${parent}`).sort(),
          'the prebuilt indexes, not new ones',
        );
        assert.ok(attached.every((a) => a.valid && / INCLUDE \(/.test(a.def)));
      }
      // Applied: nothing more to build.
      assert.deepEqual(await prebuildPartitionIndexes(db, VERSION), []);
    });
  });
}
