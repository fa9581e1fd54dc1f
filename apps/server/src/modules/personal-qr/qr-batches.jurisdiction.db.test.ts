import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { batchesIn } from './personal-qr.repository';

/** A commune officer of the 2025 map whose commune code (00004) was also a 2021 commune's. */
const officer2025: Actor = {
  kind: 'staff',
  accountId: 'officer-2025',
  role: 'commune_officer',
  unitCode: '00004',
  unitStructure: '2025',
  unitLevel: 'commune',
  facilityId: null,
  displayName: 'Cán bộ xã',
};

for (const target of dbTargets()) {
  describe(`card batches are listed by the jurisdiction rule, map included (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await db.query(
        `insert into qr_card_batches (unit_structure, province_code, district_code, commune_code, card_count)
         values ('pre2025', '01', '001', '00004', 1), ('2025', '01', null, '00004', 2),
                ('2025', '01', null, '00008', 3)`,
      );
    });
    after(() => db.close());

    it('a 2025 commune officer sees their commune’s batches, not the 2021 commune with the same code', async () => {
      const rows = await batchesIn(db, officer2025);
      assert.deepEqual(
        rows.map((r) => r.card_count),
        [2],
      );
    });

    it('a national account sees every batch', async () => {
      const rows = await batchesIn(db, { ...officer2025, role: 'national_admin', unitCode: null });
      assert.equal(rows.length, 3);
    });
  });
}
