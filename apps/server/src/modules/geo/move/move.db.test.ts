import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../../test-support/test-db';
import type { Db } from '../../../core/db/db';
import type { Actor } from '../../../core/auth/actor';
import { applyDeploymentStructure } from '../../../core/units/deployment';
import { insertAccount } from '../../accounts/accounts.repository';
import { runMove } from './move.service';
import { listReviews, resolveReview } from './move.reviews';
import { hanoiOfficer2025, moveAdmin } from './move.test-actors';

const admin = moveAdmin;
const hanoi = hanoiOfficer2025;
const hcmc: Actor = { ...hanoi, accountId: '00000000-0000-4000-8000-000000000003', unitCode: '79' };
const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'move-test' });

/**
 * Old communes of Ba Đình: Phúc Xá went whole into Phường Hồng Hà (00097), Trúc Bạch into Phường Ba
 * Đình (00004, the same code), Cống Vị was split between Ngọc Hà (00008) and Giảng Võ (00025).
 */
const PEOPLE = [
  ['Phúc Xá 1', '00001'],
  ['Phúc Xá 2', '00001'],
  ['Trúc Bạch', '00004'],
  ['Cống Vị', '00007'],
  ['Tân Định', '26734'],
] as const;

for (const target of dbTargets()) {
  describe(`moving records from the 2021 map to 2025 (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      for (const [name, commune] of PEOPLE)
        await db.query(
          `insert into persons (full_name, name_folded, birth_year, sex, commune_code, district_code, province_code)
           select $1, $1, 1990, 'male', code, district_code, province_code from admin_units
           where structure = 'pre2025' and code = $2`,
          [name, commune],
        );
      await db.query(
        `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone, status)
         values ('shop', 'Quán Phúc Xá', 'quan phuc xa', '00001', '001', '01', '0912345678', 'active')`,
      );
      for (const [role, unit] of [
        ['province_officer', '01'],
        ['district_officer', '001'],
        ['commune_officer', '00007'],
        ['commune_officer', '00001'],
      ] as const)
        await insertAccount(db, {
          kind: 'staff',
          username: `move.${role}.${unit}`,
          displayName: role,
          role,
          unitCode: unit,
          passwordHash: null,
        });
    });
    after(() => db.close());

    const people = () =>
      db.query<{
        full_name: string;
        unit_structure: string;
        commune_code: string;
        moved_from_unit: string | null;
      }>(
        'select full_name, unit_structure, commune_code, district_code, moved_from_unit from persons order by full_name collate "C"',
      );

    it('is refused while the deployment still runs on the old map', async () => {
      await assert.rejects(runMove(db, ctx(admin)), { code: 'UNIT_MOVE_NEEDS_2025' });
      await applyDeploymentStructure(db, '2025');
    });

    it('interrupted after one batch, it resumes where it stopped and moves each record once', async () => {
      // The people are walked by blocks (the five share one), then swept for what the walk left.
      const first = await runMove(db, ctx(admin), { batchSize: 2, maxBatches: 1 });
      assert.equal(first.status, 'running');
      assert.equal(first.progress.persons?.done, false);
      const venues = await db.query<{ unit_structure: string }>('select unit_structure from venues');
      assert.deepEqual(
        venues.map((v) => v.unit_structure),
        ['pre2025'],
        'not all moved yet',
      );
      const done = await runMove(db, ctx(admin), { batchSize: 2 });
      assert.equal(done.id, first.id, 'the same run resumed');
      assert.equal(done.status, 'done');
      assert.deepEqual(
        { moved: done.progress.persons?.moved, review: done.progress.persons?.review },
        { moved: 4, review: 1 },
      );
      assert.deepEqual(
        (await people()).map((p) => [p.full_name, p.unit_structure, p.commune_code, p.moved_from_unit]),
        [
          ['Cống Vị', 'pre2025', '00007', '/01/001/00007/'],
          ['Phúc Xá 1', '2025', '00097', '/01/001/00001/'],
          ['Phúc Xá 2', '2025', '00097', '/01/001/00001/'],
          ['Trúc Bạch', '2025', '00004', '/01/001/00004/'],
          ['Tân Định', '2025', '26737', '/79/760/26734/'],
        ],
      );
      const [venue] = await db.query<{ commune_code: string; unit_structure: string }>(
        'select commune_code, unit_structure from venues',
      );
      assert.deepEqual(venue, { commune_code: '00097', unit_structure: '2025' });
      const accounts = await db.query<{ role: string; unit_code: string; unit_structure: string }>(
        `select role, unit_code, unit_structure from accounts where username like 'move.%' order by username`,
      );
      assert.deepEqual(
        accounts.map((a) => `${a.role} ${a.unit_structure} ${a.unit_code}`),
        [
          'commune_officer 2025 00097',
          'commune_officer pre2025 00007',
          'district_officer pre2025 001',
          'province_officer 2025 01',
        ],
      );
      const batches = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'units.move.batch'`,
      );
      assert.ok(batches[0]!.n >= 3, 'each batch audited');
    });

    it('a re-run moves nothing and lists nothing twice', async () => {
      const before = await people();
      const again = await runMove(db, ctx(admin), { batchSize: 2 });
      assert.equal(again.status, 'done');
      assert.equal(again.progress.persons?.moved, 0);
      assert.equal(again.progress.persons?.review, 0);
      assert.deepEqual(await people(), before);
      const [n] = await db.query<{ n: number }>('select count(*)::int as n from unit_move_reviews');
      assert.equal(n!.n, 3, 'the split commune’s person, its commune officer, the district officer');
    });

    it('the split commune waits for Hà Nội’s officers, who choose among its new communes', async () => {
      assert.deepEqual(await listReviews(db, ctx(hcmc)), []);
      const items = await listReviews(db, ctx(hanoi));
      const person = items.find((i) => i.table === 'persons')!;
      assert.equal(person.reason, 'split');
      assert.deepEqual(
        person.candidates.map((c) => c.code),
        ['00008', '00025'],
      );
      await assert.rejects(resolveReview(db, ctx(hanoi), person.id, '00097'), { code: 'VALIDATION_FAILED' });
      await assert.rejects(resolveReview(db, ctx(hcmc), person.id, '00025'), {
        code: 'UNIT_REVIEW_NOT_FOUND',
      });
      const resolved = await resolveReview(db, ctx(hanoi), person.id, '00025');
      assert.equal(resolved.status, 'resolved');
      await assert.rejects(resolveReview(db, ctx(hanoi), person.id, '00008'), {
        code: 'UNIT_REVIEW_RESOLVED',
      });
      const row = (await people()).find((p) => p.full_name === 'Cống Vị')!;
      assert.deepEqual(
        [row.unit_structure, row.commune_code, row.moved_from_unit],
        ['2025', '00025', '/01/001/00007/'],
      );
      const audit = await db.query<{ n: number }>(
        `select count(*)::int as n from audit_log where action = 'units.move.resolve'`,
      );
      assert.equal(audit[0]!.n, 1);
    });

    it('a district account is placed at one of its province’s communes, never at the whole province', async () => {
      // The split commune's officer waits too (reason 'split'); this is the district officer's review.
      const review = (await listReviews(db, ctx(hanoi))).find(
        (i) => i.table === 'accounts' && i.reason === 'district',
      )!;
      assert.ok(review, 'the district officer waits for a commune');
      // The province would widen a district officer's reach to every commune of Hà Nội.
      await assert.rejects(resolveReview(db, ctx(hanoi), review.id, '01'), { code: 'VALIDATION_FAILED' });
      await resolveReview(db, ctx(hanoi), review.id, '00025');
      const [account] = await db.query<{ unit: string }>(
        `select unit_structure || ' ' || unit_code as unit from accounts where role = 'district_officer'
           and username like 'move.%'`,
      );
      assert.equal(account!.unit, '2025 00025');
    });
  });
}
