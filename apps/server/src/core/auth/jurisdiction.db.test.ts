import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { dbTargets } from '../../test-support/test-db';
import { insertAccount } from '../../modules/accounts';
import type { Db } from '../db/db';
import { applyDeploymentStructure } from '../units/deployment';
import type { UnitStructure } from '../units/structure';
import type { Actor } from './actor';
import { actorForToken, createSession } from './sessions';
import { inJurisdiction, jurisdictionSql } from './jurisdiction';

/** People on both maps; codes 00004, 00008 and 00025 exist on both and name different places. */
const PEOPLE: {
  name: string;
  structure: UnitStructure;
  province: string;
  district: string | null;
  commune: string;
}[] = [
  { name: 'pre Phúc Xá', structure: 'pre2025', province: '01', district: '001', commune: '00001' },
  { name: 'pre Ngọc Khánh', structure: 'pre2025', province: '01', district: '001', commune: '00025' },
  { name: 'pre Bến Nghé', structure: 'pre2025', province: '79', district: '760', commune: '26734' },
  { name: '2025 Ba Đình', structure: '2025', province: '01', district: null, commune: '00004' },
  { name: '2025 Giảng Võ', structure: '2025', province: '01', district: null, commune: '00025' },
  { name: '2025 Sài Gòn', structure: '2025', province: '79', district: null, commune: '26734' },
];

/** The actor as a request sees it: looked up from the account through a session. */
async function actorOf(
  db: Db,
  structure: UnitStructure,
  role: string,
  unitCode: string | null,
): Promise<Actor> {
  await applyDeploymentStructure(db, structure);
  const account = await insertAccount(db, {
    kind: 'staff',
    username: `j.${role}.${structure}.${unitCode}.${Math.random().toString(36).slice(2, 8)}`,
    displayName: 'Cán bộ',
    role,
    unitCode,
    passwordHash: null,
  });
  const { token } = await createSession(db, account.id, 'staff');
  const actor = await actorForToken(db, token);
  assert.ok(actor);
  return actor;
}

for (const target of dbTargets()) {
  describe(`jurisdiction is "the record's unit lies under mine", one rule in SQL and code (${target.name})`, () => {
    let db: Db;
    before(async () => {
      db = await target.open();
      for (const p of PEOPLE)
        await db.query(
          `insert into persons (full_name, name_folded, birth_year, sex, commune_code, district_code, province_code, unit_structure)
           values ($1, $1, 1990, 'male', $2, $3, $4, $5)`,
          [p.name, p.commune, p.district, p.province, p.structure],
        );
    });
    after(() => db.close());

    /** Names reached in SQL, after checking the code version agrees on every row. */
    async function reached(actor: Actor): Promise<string[]> {
      const j = jurisdictionSql(actor, 'p', 1);
      const rows = await db.query<{ full_name: string }>(
        `select full_name from persons p where ${j.sql} order by full_name`,
        j.params,
      );
      const inSql = rows.map((r) => r.full_name);
      const inCode = PEOPLE.filter((p) =>
        inJurisdiction(actor, {
          provinceCode: p.province,
          districtCode: p.district,
          communeCode: p.commune,
          structure: p.structure,
        }),
      )
        .map((p) => p.name)
        .sort();
      assert.deepEqual(inSql, inCode, 'SQL and code disagree');
      return inSql;
    }

    it('on 2025: a commune officer reaches their commune only, never the old commune with the same code', async () => {
      assert.deepEqual(await reached(await actorOf(db, '2025', 'commune_officer', '00025')), [
        '2025 Giảng Võ',
      ]);
    });

    it('on 2025: a province officer reaches every 2025 commune under the province', async () => {
      assert.deepEqual(await reached(await actorOf(db, '2025', 'province_officer', '01')), [
        '2025 Ba Đình',
        '2025 Giảng Võ',
      ]);
    });

    it('on pre2025: province, district and commune officers reach their subtree of the old map', async () => {
      assert.deepEqual(await reached(await actorOf(db, 'pre2025', 'province_officer', '01')), [
        'pre Ngọc Khánh',
        'pre Phúc Xá',
      ]);
      assert.deepEqual(await reached(await actorOf(db, 'pre2025', 'district_officer', '001')), [
        'pre Ngọc Khánh',
        'pre Phúc Xá',
      ]);
      assert.deepEqual(await reached(await actorOf(db, 'pre2025', 'commune_officer', '00025')), [
        'pre Ngọc Khánh',
      ]);
    });

    it('a national account reaches everyone on both maps', async () => {
      assert.equal((await reached(await actorOf(db, '2025', 'national_admin', null))).length, PEOPLE.length);
    });

    it('a unit that does not exist in the account’s structure reaches nobody, in SQL as in code', async () => {
      // 001 is a district of the old map; the 2025 map has no districts.
      assert.deepEqual(await reached(await actorOf(db, '2025', 'district_officer', '001')), []);
      // an unexpected code length (once: code said nobody, SQL said the commune column)
      assert.deepEqual(await reached(await actorOf(db, 'pre2025', 'commune_officer', '0001')), []);
    });
  });
}
