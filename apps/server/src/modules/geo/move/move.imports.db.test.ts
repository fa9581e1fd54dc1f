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
const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'move-imports' });

/**
 * A dose import running when the map changes: the job goes on as its uploader (the actor kept on the
 * import), and its kept rows name the communes of the file. Phúc Xá (00001) went into Hồng Hà
 * (00097); Cống Vị (00007) was split; district Ba Đình (001) has no one new unit.
 */
for (const target of dbTargets()) {
  describe(`a running vaccination import across the move (${target.name})`, () => {
    let db: Db;
    const ids: Record<string, string> = {};
    before(async () => {
      db = await target.open();
      for (const [name, role, unit] of [
        ['commune', 'commune_officer', '00001'],
        ['district', 'district_officer', '001'],
      ] as const) {
        const a = await insertAccount(db, {
          kind: 'staff',
          username: `imports.${name}`,
          displayName: name,
          role,
          unitCode: unit,
          passwordHash: null,
        });
        ids[name] = a.id;
      }
      const job = async (who: string, unit: string, level: string, status: string, sha: string) => {
        const actor = {
          kind: 'staff',
          accountId: ids[who],
          role: `${who}_officer`,
          unitCode: unit,
          unitStructure: 'pre2025',
          unitLevel: level,
          facilityId: null,
          displayName: who,
        };
        const rows = await db.query<{ id: string }>(
          `insert into vaccination_imports (kind, sha256, format, header_row, columns, rows_total,
             uploaded_by_account_id, actor, default_commune_code, status)
           values ('doses', $1, 'csv', 1, '{}', 2, $2, $3::jsonb, null, $4) returning id`,
          [sha, ids[who]!, JSON.stringify(actor), status],
        );
        return rows[0]!.id;
      };
      ids.running = await job('commune', '00001', 'commune', 'processing', 'a');
      ids.finished = await job('commune', '00001', 'commune', 'done', 'b');
      ids.district = await job('district', '001', 'district', 'processing', 'c');
      for (const [row, commune] of [
        [2, '00001'],
        [3, '00007'],
      ] as const)
        await db.query(
          `insert into vaccination_import_rows (import_id, row_number, status, data)
           values ($1, $2, 'review', $3::jsonb)`,
          [ids.running!, row, JSON.stringify({ fullName: 'Nguyễn Văn A', communeCode: commune })],
        );
      await applyDeploymentStructure(db, '2025');
    });
    after(() => db.close());

    const actorOf = async (id: string) =>
      (
        await db.query<{ actor: Record<string, unknown> }>(
          'select actor from vaccination_imports where id = $1',
          [id],
        )
      )[0]!.actor;
    const rowCommunes = async () =>
      (
        await db.query<{ c: string }>(
          `select concat_ws(' ', row_number, data->>'communeCode', data->>'movedFromCommuneCode') as c
           from vaccination_import_rows where import_id = $1 order by row_number`,
          [ids.running!],
        )
      ).map((r) => r.c);

    it('the running import goes on as its uploader on the new commune; a finished one keeps its history', async () => {
      await runMove(db, ctx(admin), { batchSize: 10 });
      const running = await actorOf(ids.running!);
      assert.deepEqual(
        [running.unitCode, running.unitStructure, running.unitLevel, running.movedFromUnit],
        ['00097', '2025', 'commune', '00001'],
      );
      const finished = await actorOf(ids.finished!);
      assert.deepEqual([finished.unitCode, finished.unitStructure], ['00001', 'pre2025']);
      // The district officer's account waits for review: the import waits with it.
      assert.equal((await actorOf(ids.district!)).unitStructure, 'pre2025');
    });

    it('its kept rows name the new commune (a split one keeps the old code, marked) and a re-run changes nothing', async () => {
      assert.deepEqual(await rowCommunes(), ['2 00097 00001', '3 00007 00007']);
      const again = await runMove(db, ctx(admin), { batchSize: 10 });
      assert.equal(again.status, 'done');
      assert.deepEqual(await rowCommunes(), ['2 00097 00001', '3 00007 00007']);
      assert.equal((await actorOf(ids.running!)).unitCode, '00097');
    });

    it('an account resolved from the review list takes its running import along', async () => {
      const items = await listReviews(db, ctx(hanoi), { table: 'accounts' });
      const district = items.find((i) => i.oldPath === '/01/001/');
      assert.ok(district, 'the district officer waits for review');
      await resolveReview(db, ctx(hanoi), district.id, '00004');
      const actor = await actorOf(ids.district!);
      assert.deepEqual(
        [actor.unitCode, actor.unitStructure, actor.unitLevel, actor.movedFromUnit],
        ['00004', '2025', 'commune', '001'],
      );
    });
  });
}
