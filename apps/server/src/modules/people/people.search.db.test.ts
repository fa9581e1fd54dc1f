import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { peopleReadService } from './people.service';
import { peopleWriteService } from './people.write.service';
import { ctx, input, staff } from './people.fixtures';

/** Name search: from the start of the name first, then whole words anywhere, with paging in each mode. */
for (const target of dbTargets()) {
  describe(`people name search modes (${target.name})`, () => {
    let db: Db;
    const admin = staff('national_admin', null);
    before(async () => {
      db = await target.open();
      const write = peopleWriteService(db);
      for (const fullName of [
        'Nguyễn Văn An',
        'Nguyễn Văn Anh',
        'Trần Văn An',
        'Đặng Thị Hằng',
        'Lê Thị Hằng',
      ]) {
        await write.create(ctx(admin), input({ fullName }));
      }
    });
    after(async () => db.close());

    const names = async (q: string) =>
      (await peopleReadService(db).search(ctx(admin), { q })).items.map((i) => i.fullName).sort();

    it('matches from the start of the name, without diacritics', async () => {
      assert.deepEqual(await names('nguyen van an'), ['Nguyễn Văn An', 'Nguyễn Văn Anh']);
      assert.deepEqual(await names('dang thi'), ['Đặng Thị Hằng']);
      assert.deepEqual(await names('Đặng'), ['Đặng Thị Hằng']);
    });

    it('falls back to whole words anywhere when no name starts with the query', async () => {
      assert.deepEqual(await names('van an'), ['Nguyễn Văn An', 'Trần Văn An']);
      assert.deepEqual(await names('hang'), ['Lê Thị Hằng', 'Đặng Thị Hằng']); // JS code-unit order: Đ after L
      assert.deepEqual(await names('hang le'), ['Lê Thị Hằng']);
      assert.deepEqual(await names('van xyz'), []);
    });

    it('pages in the mode the first page used', async () => {
      const read = peopleReadService(db);
      const first = await read.search(ctx(admin), { q: 'hang', limit: 1 });
      const second = await read.search(ctx(admin), { q: 'hang', limit: 1, cursor: first.nextCursor! });
      assert.deepEqual(
        [...first.items, ...second.items].map((i) => i.fullName),
        ['Đặng Thị Hằng', 'Lê Thị Hằng'],
      );
      assert.equal(second.nextCursor, null);
    });
  });
}
