// Issue #10 (units10): a unit's review setting decides for the points under it on its own map only.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { autoApproves } from './venues.repository';

import { baDinh2025, trucBach2021 } from '../../test-support/same-code-locations';

for (const target of dbTargets()) {
  describe(`venue review settings by structure and code (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(() => db.close());

    it('a 2021 ward’s setting does not approve points of the 2025 ward that kept its code', async () => {
      await db.query(
        `insert into venue_review_policies (unit_structure, unit_code, auto_approve) values ('pre2025', '00004', true)`,
      );
      assert.equal(await autoApproves(db, trucBach2021), true);
      assert.equal(await autoApproves(db, baDinh2025), false);
    });

    it('the most specific setting decides, by the unit’s level, not its code’s length', async () => {
      await db.query(
        `insert into venue_review_policies (unit_structure, unit_code, auto_approve)
         values ('2025', '01', true), ('2025', '00004', false), ('pre2025', '001', false)`,
      );
      assert.equal(await autoApproves(db, baDinh2025), false);
      assert.equal(await autoApproves(db, { ...baDinh2025, communeCode: '00008' }), true);
      assert.equal(await autoApproves(db, trucBach2021), true, 'its commune’s setting, over its district’s');
    });
  });
}
