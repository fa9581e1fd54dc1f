import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../test-support/test-db';
import { testConfig } from '../test-support/test-app';
import type { Db } from '../core/db/db';
import { seedDemoFor } from './seed-demo-structure';

for (const target of dbTargets()) {
  describe(`the demo on a 2025 deployment (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
    });
    after(async () => db.close());

    it('prints each account with its unit on the 2025 map', async () => {
      const accounts = await seedDemoFor(db, testConfig(), '2025');
      const note = (login: string) => accounts.find((a) => a.login === login)?.note;
      // Phường Phúc Xá (2021) went whole into Phường Hồng Hà; Quận Ba Đình's accounts go there too (a
      // district account is placed at a commune, never at the whole province).
      assert.equal(note('xa.phucxa'), 'Phường Hồng Hà');
      assert.equal(note('diem.phucxa'), 'Phường Hồng Hà');
      assert.equal(note('tinh.hanoi'), 'Thành phố Hà Nội');
      assert.equal(note('huyen.badinh'), 'Phường Hồng Hà');
      assert.equal(note('kiemtra'), 'toàn quốc / national');
      assert.match(note('admin') ?? '', /^toàn quốc \/ national · 2FA TOTP /);
      const units = await db.query<{ unit_structure: string }>(
        `select distinct unit_structure from accounts where kind = 'staff' and unit_code is not null`,
      );
      assert.deepEqual(units, [{ unit_structure: '2025' }]);
    });

    it('seeds its vaccination site and campaign on the 2025 map, not moved there from 2021', async () => {
      const site = await db.query<{ u: string; moved: string | null }>(
        `select concat_ws(' ', unit_structure, province_code, commune_code, name) as u, moved_from_unit as moved
         from vaccination_sites`,
      );
      assert.deepEqual(site, [{ u: '2025 01 00097 Trạm Y tế phường Hồng Hà', moved: null }]);
      const campaign = await db.query<{ u: string; moved: string | null }>(
        `select concat_ws(' ', unit_structure, area_code) as u, moved_from_unit as moved from vaccination_campaigns`,
      );
      assert.deepEqual(campaign, [{ u: '2025 00097', moved: null }]);
    });
  });
}
