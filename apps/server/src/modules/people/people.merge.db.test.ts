import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { peopleMergeService } from './people.merge.service';
import { peopleReadService } from './people.service';
import { peopleWriteService } from './people.write.service';
import { auditRows, cccdFor, ctx, input, staff } from './people.fixtures';

const phucXa = staff('commune_officer', '00001');

for (const target of dbTargets()) {
  describe(`people duplicates, merge and idempotency (${target.name})`, () => {
    let db: Db;
    let read: ReturnType<typeof peopleReadService>;
    let write: ReturnType<typeof peopleWriteService>;
    let merge: ReturnType<typeof peopleMergeService>;
    before(async () => {
      db = await target.open();
      read = peopleReadService(db);
      write = peopleWriteService(db);
      merge = peopleMergeService(db);
    });
    after(async () => db.close());

    it('lists likely duplicates with their reasons and merges them', async () => {
      const cccd = cccdFor(1972, 'female');
      const keep = (
        await write.create(
          ctx(phucXa),
          input({ fullName: 'Trần Thị Hoa', birthDate: '1972-07-01', sex: 'female', cccd }),
        )
      ).body;
      const dup = (
        await write.create(
          ctx(phucXa),
          input({
            fullName: 'TRAN THI HOA',
            birthDate: null,
            birthYear: 1972,
            sex: 'female',
            phones: ['0901234567'],
            bhyt: 'HT3017912300001',
            street: null,
          }),
        )
      ).body;
      const byPhone = (
        await write.create(
          ctx(staff('province_officer', '01')),
          input({
            fullName: 'Tran Thi Hoa',
            birthYear: 1950,
            birthDate: null,
            sex: 'female',
            communeCode: '00004',
            phones: ['0901234567'],
          }),
        )
      ).body;
      const other = (
        await write.create(
          ctx(phucXa),
          input({ fullName: 'Trần Thị Hoà Bình', birthDate: '1972-07-01', sex: 'female' }),
        )
      ).body;

      const found = await merge.duplicates(ctx(phucXa), keep.id);
      assert.deepEqual(
        found.items.map((d) => [d.person.id, d.reasons]),
        [[dup.id, ['same_name_birth_commune']]],
      );
      const fromDup = await merge.duplicates(ctx(phucXa), dup.id);
      const reasons = new Map(fromDup.items.map((d) => [d.person.id, d.reasons]));
      assert.deepEqual(reasons.get(keep.id), ['same_name_birth_commune']);
      assert.deepEqual(reasons.get(byPhone.id), ['same_phone']);
      assert.equal(reasons.has(other.id), false);

      // a family link held by the duplicate moves to the survivor
      await db.query(
        `insert into person_family_links (person_id, member_id, relation) values ($1, $2, 'con')`,
        [dup.id, other.id],
      );
      const merged = await merge.merge(ctx(phucXa), keep.id, dup.id);
      assert.equal(merged.cccd, cccd);
      assert.equal(merged.bhyt, 'HT3017912300001');
      assert.deepEqual(merged.phones, ['+84901234567']);
      assert.deepEqual(
        merged.family.map((f) => [f.id, f.relation]),
        [[other.id, 'con']],
      );
      assert.equal(merged.street, 'Số 1 Phó Đức Chính');

      const gone = await read.get(ctx(phucXa), dup.id);
      assert.equal(gone.mergedInto, keep.id);
      const search = await read.search(ctx(phucXa), { q: 'tran thi hoa' });
      assert.deepEqual(new Set(search.items.map((i) => i.id)), new Set([keep.id, other.id]));
      assert.deepEqual(
        (await read.history(ctx(phucXa), keep.id)).items.map((h) => h.kind),
        ['create', 'merge'],
      );
      const dupHistory = (await read.history(ctx(phucXa), dup.id)).items;
      assert.deepEqual(
        dupHistory.map((h) => [h.kind, h.changes.survivorId ?? null]),
        [
          ['create', null],
          ['merged_into', keep.id],
        ],
      );
      assert.equal((await auditRows(db, 'person.merge', keep.id)).length, 1);

      await assert.rejects(
        merge.merge(ctx(phucXa), keep.id, dup.id),
        (e) => e instanceof AppError && e.code === 'MERGE_INVALID',
      );
      // the duplicate's BHYT now belongs to the survivor: creating it again is a duplicate of the survivor
      await assert.rejects(
        write.create(ctx(phucXa), input({ fullName: 'X Y', bhyt: 'HT3017912300001' })),
        (e) => e instanceof AppError && e.code === 'DUPLICATE_PERSON' && e.details?.[0]?.code === keep.id,
      );
    });

    it('officers outside the jurisdiction may not merge', async () => {
      const a = (await write.create(ctx(staff('province_officer', '01')), input({ fullName: 'Lý Văn Minh' })))
        .body;
      const b = (await write.create(ctx(phucXa), input({ fullName: 'Ly Van Minh' }))).body;
      await assert.rejects(
        merge.merge(ctx(staff('province_officer', '79')), a.id, b.id),
        (e) => e instanceof AppError && e.code === 'FORBIDDEN',
      );
      await assert.rejects(
        merge.merge(ctx(staff('commune_officer', '00004')), a.id, b.id),
        (e) => e instanceof AppError && e.code === 'FORBIDDEN',
      );
    });

    it('replays an idempotent create and refuses a reused key with another body', async () => {
      const body = input({
        fullName: 'Phạm Quốc Việt',
        cccd: cccdFor(1988, 'male'),
        birthDate: '1988-02-03',
      });
      const first = await write.create(ctx(phucXa), body, 'key-1');
      const again = await write.create(ctx(phucXa), body, 'key-1');
      assert.equal(first.replayed, false);
      assert.equal(again.replayed, true);
      assert.equal(again.body.id, first.body.id);
      const count = await db.query<{ n: number }>('select count(*)::int as n from persons where cccd = $1', [
        body.cccd!,
      ]);
      assert.equal(count[0]!.n, 1);
      await assert.rejects(
        write.create(ctx(phucXa), { ...body, street: 'khác' }, 'key-1'),
        (e) => e instanceof AppError && e.code === 'IDEMPOTENCY_KEY_REUSED',
      );
      // the same key from another account is another scope
      await assert.rejects(
        write.create(ctx(staff('commune_officer', '00001')), body, 'key-1'),
        (e) => e instanceof AppError && e.code === 'DUPLICATE_PERSON',
      );
      const stored = await db.query<{ request_hash: string; response: unknown }>(
        'select request_hash from idempotency_keys',
      );
      assert.ok(stored.every((r) => /^[0-9a-f]{64}$/.test(r.request_hash)));
    });
  });
}
