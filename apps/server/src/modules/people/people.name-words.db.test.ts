import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { jurisdictionSql } from '../../core/auth/jurisdiction';
import { generatePeople } from '../../demo/generate-people';
import { searchPersons } from './people.search.repository';
import { staff } from './people.fixtures';

interface Row {
  id: string;
  name_folded: string;
  province_code: string;
  district_code: string | null;
  commune_code: string;
  merged_into: string | null;
}

/**
 * The name-words index (migration 0033) that serves given-name searches: kept right by every write
 * to persons, and a words search through it returns exactly what scanning every name would, in the
 * same order, page after page, at each level of jurisdiction.
 */
for (const target of dbTargets()) {
  describe(`people name-words index (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await generatePeople(db, { count: 1200, seed: 7 });
    });
    after(async () => db.close());

    const everyone = () =>
      db.query<Row>(
        'select id, name_folded, province_code, district_code, commune_code, merged_into from persons',
      );

    /**
     * What person_name_words must hold: for each live person, each distinct word of the name and each
     * unordered pair of distinct words ("a b" in C order, migration 0075), with the name and area.
     */
    async function assertIndexMatchesPersons() {
      const keysOf = (name: string) => {
        const d = [...new Set(name.split(' ').filter((w) => w !== ''))];
        const pairs = d.flatMap((a, i) => d.slice(i + 1).map((b) => (a < b ? `${a} ${b}` : `${b} ${a}`)));
        return [...d, ...pairs];
      };
      const expected = (await everyone())
        .filter((p) => p.merged_into === null)
        .flatMap((p) =>
          keysOf(p.name_folded).map(
            (w) => `${w}|${p.name_folded}|${p.id}|${p.province_code}|${p.district_code}|${p.commune_code}`,
          ),
        )
        .sort();
      const actual = (
        await db.query<{ k: string }>(
          `select word || '|' || name_folded || '|' || person_id || '|' || province_code || '|' ||
                  coalesce(district_code, 'null') || '|' || commune_code as k from person_name_words`,
        )
      )
        .map((r) => r.k)
        .sort();
      assert.deepEqual(actual, expected);
    }

    /** Every page of a words search, following the keyset cursor. */
    async function allPages(
      actor: Actor,
      q: string,
      communeCode?: string,
      singleWordKeys = false,
    ): Promise<string[]> {
      const out: string[] = [];
      let after: { nameFolded: string; id: string } | undefined;
      for (;;) {
        const rows = await searchPersons(db, {
          nameFolded: q,
          nameMode: 'words',
          communeCode,
          jurisdiction: (alias, i) => jurisdictionSql(actor, alias, i),
          after,
          limit: 7,
          singleWordKeys,
        });
        out.push(...rows.map((r) => r.id));
        const last = rows[rows.length - 1];
        if (rows.length < 7 || !last) return out;
        after = { nameFolded: last.name_folded, id: last.id };
      }
    }

    /** The same search by reading every record: all typed words in the name, ordered by (name, id). */
    async function scanned(q: string, inArea: (p: Row) => boolean): Promise<string[]> {
      const typed = q.split(' ');
      return (await everyone())
        .filter((p) => p.merged_into === null && inArea(p))
        .filter((p) => typed.every((w) => p.name_folded.split(' ').includes(w)))
        .sort((a, b) =>
          a.name_folded < b.name_folded ? -1 : a.name_folded > b.name_folded ? 1 : a.id < b.id ? -1 : 1,
        )
        .map((p) => p.id);
    }

    it('holds the words of every live person after generation', assertIndexMatchesPersons);

    it('answers words searches as a scan of every name would, at each level of jurisdiction', async () => {
      const people = await everyone();
      const some = people.filter((_, i) => i % 97 === 0);
      for (const p of some) {
        const w = p.name_folded.split(' ');
        const queries = [
          w.slice(-2).join(' '),
          `${w[0]} ${w[w.length - 1]}`,
          w[w.length - 1]!,
          `${w[w.length - 1]} ${w[0]}`, // typed in another order
          p.name_folded, // every word: the rarest of three or more pairs, the rest checked
          `${w[w.length - 1]} ${w[w.length - 1]}`, // a word typed twice: that word alone
        ];
        for (const q of queries) {
          const national = await allPages(staff('national_admin', null), q);
          assert.deepEqual(national, await scanned(q, () => true), `national "${q}"`);
          // The plan before pairs (rarest single word) returns the same pages.
          assert.deepEqual(await allPages(staff('national_admin', null), q, undefined, true), national, q);
          assert.ok(national.includes(p.id));
          const province = await allPages(staff('province_officer', p.province_code), q);
          assert.deepEqual(province, await scanned(q, (r) => r.province_code === p.province_code), q);
          const district = await allPages(
            { ...staff('province_officer', null), unitCode: p.district_code } as Actor,
            q,
          );
          assert.deepEqual(district, await scanned(q, (r) => r.district_code === p.district_code), q);
          const commune = await allPages(staff('commune_officer', p.commune_code), q);
          assert.deepEqual(commune, await scanned(q, (r) => r.commune_code === p.commune_code), q);
          const filtered = await allPages(staff('national_admin', null), q, p.commune_code);
          assert.deepEqual(filtered, commune, q);
        }
      }
      assert.deepEqual(await allPages(staff('national_admin', null), 'van zzzz'), []);
      assert.deepEqual(await allPages(staff('national_admin', null), 'thi van zzzz'), []);
    });

    it('reads a pair of typed words from its own entries, each of which holds both words', async () => {
      const [p] = await everyone();
      const w = p!.name_folded.split(' ');
      const [a, b] = [w[0]!, w[w.length - 1]!].sort();
      const rows = await db.query<{ n: number; both: number }>(
        `select count(*)::int as n,
                count(*) filter (where string_to_array(name_folded, ' ') @> array[$2, $3])::int as both
           from person_name_words where word = $1`,
        [`${a} ${b}`, a!, b!],
      );
      assert.ok(rows[0]!.n > 0);
      assert.equal(rows[0]!.both, rows[0]!.n);
    });

    it('follows renames, moves, merges and deletions', async () => {
      const [a, b, c, d] = await everyone();
      await db.query(
        `update persons set name_folded = 'zzy thu thu', full_name = 'Zzy Thu Thu' where id = $1`,
        [a!.id],
      );
      await db.query(
        'update persons set commune_code = $2, district_code = $3, province_code = $4 where id = $1',
        [b!.id, c!.commune_code, c!.district_code, c!.province_code],
      );
      await db.query('update persons set merged_into = $2 where id = $1', [c!.id, d!.id]);
      await db.query('update persons set version = version + 1'); // touches no indexed column
      await assertIndexMatchesPersons();
      assert.deepEqual(await allPages(staff('national_admin', null), 'thu zzy'), [a!.id]);
      assert.ok(!(await allPages(staff('national_admin', null), c!.name_folded)).includes(c!.id));
      await db.query('update persons set merged_into = null where id = $1', [c!.id]);
      await db.query('delete from persons where id = $1', [d!.id]);
      await assertIndexMatchesPersons();
    });
  });
}
