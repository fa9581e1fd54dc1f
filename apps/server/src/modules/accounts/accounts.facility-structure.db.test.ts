// Issue #10 (units task): an account's facility lies in its area by the one jurisdiction rule, its
// map included — the same commune code names different places on the 2021 and 2025 maps.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { applyDeploymentStructure } from '../../core/units/deployment';
import { createManagedAccount } from './accounts.service';

const admin: Actor = {
  kind: 'staff',
  accountId: '00000000-0000-4000-8000-000000000001',
  role: 'national_admin',
  unitCode: null,
  facilityId: null,
  displayName: 'Quản trị',
};
const ctx = { actor: admin, ip: '127.0.0.1', requestId: 'facility-structure' };

for (const target of dbTargets()) {
  describe(`an account's facility lies in its area on the deployment's map (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      await applyDeploymentStructure(db, '2025');
    });
    after(() => db.close());

    const lab = async (code: string, structure: string, district: string | null) =>
      (
        await db.query<{ id: string }>(
          `insert into labs (code, name, commune_code, district_code, province_code, unit_structure)
           values ($1, 'Phòng xét nghiệm', '00025', $3, '01', $2) returning id::text`,
          [code, structure, district],
        )
      )[0]!.id;
    const technician = (username: string, facilityId: string) =>
      createManagedAccount(db, ctx, {
        username,
        displayName: 'Kỹ thuật viên',
        role: 'lab_technician',
        unitCode: '00025',
        facilityId,
        password: 'Strong-pass-2021',
      });

    it('refuses a lab of the 2021 commune 00025 for an account of the 2025 commune 00025', async () => {
      // 2021 Phường Ngọc Khánh (01/001/00025) was split between Ngọc Hà, Giảng Võ and Láng: the
      // 2025 Phường Giảng Võ (00025) is not where a lab of the old ward must be.
      const old = await lab('HN-NK', 'pre2025', '001');
      await assert.rejects(technician('ktv.ngockhanh', old), (err: { details?: { code: string }[] }) => {
        assert.equal(err.details?.[0]?.code, 'FACILITY_OUTSIDE_AREA');
        return true;
      });
      assert.equal((await db.query(`select 1 from accounts where username = 'ktv.ngockhanh'`)).length, 0);
    });

    it('accepts the lab once it is on the 2025 map in that commune', async () => {
      const moved = await lab('HN-GV', '2025', null);
      const account = await technician('ktv.giangvo', moved);
      assert.equal(account.unitCode, '00025');
    });
  });
}
