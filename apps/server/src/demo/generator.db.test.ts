import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { normalizeVnMobile, validateBhyt, validateCccd } from '@phongdich/domain';
import { dbTargets } from '../test-support/test-db';
import type { Db } from '../core/db/db';
import { loadCommunes, PersonGenerator } from './generator';
import { generatePeople } from './generate-people';
import { seedDemoPeople } from './demo-people';

for (const target of dbTargets()) {
  describe(`people generator and demo people (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('is deterministic and produces valid, agreeing identifiers', async () => {
      const communes = await loadCommunes(db, '01');
      const a = new PersonGenerator(7, communes);
      const b = new PersonGenerator(7, communes);
      for (let i = 0; i < 500; i++) {
        const p = a.next();
        assert.deepEqual(b.next(), p);
        assert.equal(p.provinceCode, '01');
        if (p.cccd)
          assert.deepEqual(validateCccd(p.cccd, { birthYear: p.birthYear, sex: p.sex }), [], p.cccd);
        if (p.bhyt) assert.deepEqual(validateBhyt(p.bhyt), [], p.bhyt);
        if (p.phone) assert.equal(normalizeVnMobile(p.phone), p.phone);
      }
      assert.notDeepEqual(new PersonGenerator(8, communes).next(), new PersonGenerator(7, communes).next());
    });

    it('bulk mode drops and rebuilds the indexes, and ids stay unique across runs', async () => {
      const before = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_indexes where tablename = 'persons'`,
      );
      await generatePeople(db, { count: 3000, seed: 1, bulk: true, batchSize: 700 });
      await generatePeople(db, { count: 2000, seed: 2 });
      const after = await db.query<{ n: number }>(
        `select count(*)::int as n from pg_indexes where tablename = 'persons'`,
      );
      assert.equal(after[0]!.n, before[0]!.n);
      const counts = await db.query<{ n: number; phones: number }>(
        `select count(*)::int as n, count(distinct phones[1])::int as phones from persons`,
      );
      assert.equal(counts[0]!.n, 5000);
      const withPhone = await db.query<{ n: number }>(
        `select count(*)::int as n from persons where cardinality(phones) > 0`,
      );
      assert.equal(counts[0]!.phones, withPhone[0]!.n, 'phone numbers are unique');
    });

    it('seeds the named demo people once, with the family link', async () => {
      await seedDemoPeople(db);
      const n = (await db.query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n;
      await seedDemoPeople(db);
      assert.equal((await db.query<{ n: number }>('select count(*)::int as n from persons'))[0]!.n, n);
      const an = await db.query<{ id: string; cccd: string }>(
        `select id, cccd from persons where phones @> array['+84912345678']`,
      );
      assert.equal(an.length, 1);
      assert.deepEqual(validateCccd(an[0]!.cccd, { birthYear: 1985, sex: 'male' }), []);
      const links = await db.query('select 1 from person_family_links where person_id = $1', [an[0]!.id]);
      assert.equal(links.length, 1);
    });
  });
}
