import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { foldVietnamese } from '@phongdich/domain';
import { dbTargets } from '../../test-support/test-db';
import type { Db } from '../../core/db/db';
import { ANONYMOUS } from '../../core/auth/actor';
import { AppError } from '../../core/errors';
import { loadAdminUnits } from './geo.loader';
import { geoService, locationOfCommune, unitNames, type GeoService } from './geo.service';

for (const target of dbTargets()) {
  describe(`administrative units (${target.name})`, () => {
    let db: Db;
    let geo: GeoService;
    before(async () => {
      db = await target.open();
      geo = geoService(db);
    });
    after(async () => db.close());

    const count = async (structure: string, level: number) =>
      (
        await db.query<{ n: number }>(
          'select count(*)::int as n from admin_units where structure = $1 and level = $2',
          [structure, level],
        )
      )[0]?.n;

    it('holds 63 provinces, 696 districts and 10,035 communes before 2025', async () => {
      assert.deepEqual(
        [await count('pre2025', 1), await count('pre2025', 2), await count('pre2025', 3)],
        [63, 696, 10035],
      );
    });

    it('holds 34 provinces and 3,321 communes (no districts) in the 2025 structure', async () => {
      assert.deepEqual(
        [await count('2025', 1), await count('2025', 2), await count('2025', 3)],
        [34, 0, 3321],
      );
      const rows = await db.query(
        "select 1 from admin_units where structure = '2025' and district_code is not null",
      );
      assert.equal(rows.length, 0);
    });

    it('carries the 2019 census population of every pre-2025 province', async () => {
      const [row] = await db.query<{ total: number; missing: number }>(
        `select sum(population)::int as total, count(*) filter (where population is null)::int as missing
         from admin_units where structure = 'pre2025' and level = 1`,
      );
      assert.deepEqual(row, { total: 96208984, missing: 0 });
      const others = await db.query(
        "select 1 from admin_units where population is not null and (level > 1 or structure = '2025')",
      );
      assert.equal(others.length, 0);
    });

    const first = async (q: string) => (await geo.search(ANONYMOUS, { q }))[0];

    it('finds units without diacritics or case, best match first', async () => {
      assert.deepEqual(
        [await first('ha noi'), await first('THU DUC'), await first('dak lak'), await first('phuc xa')].map(
          (u) => u && `${u.code} ${u.fullName}`,
        ),
        ['01 Thành phố Hà Nội', '769 Thành phố Thủ Đức', '66 Tỉnh Đắk Lắk', '00001 Phường Phúc Xá'],
      );
      assert.equal((await first('thu duc'))?.provinceCode, '79');
    });

    it('matches the full name, the code, a prefix and a misspelling', async () => {
      assert.equal((await first('quan ba dinh'))?.code, '001');
      assert.equal((await first('00001'))?.name, 'Phúc Xá');
      assert.equal((await first('Hồ Chí Mi'))?.code, '79');
      const fuzzy = await geo.search(ANONYMOUS, { q: 'thu duk', level: 2 });
      assert.equal(fuzzy[0]?.code, '769');
    });

    it('ranks exact before prefix before fuzzy, provinces before districts before communes', async () => {
      const bacNinh = await geo.search(ANONYMOUS, { q: 'bac ninh' });
      assert.deepEqual(
        bacNinh.slice(0, 2).map((u) => [u.code, u.level]),
        [
          ['27', 1],
          ['256', 2],
        ],
      );
      const quang = await geo.search(ANONYMOUS, { q: 'quang', limit: 100 });
      const levelsOfPrefixMatches = quang
        .filter((u) => foldVietnamese(u.name).startsWith('quang'))
        .map((u) => u.level);
      assert.deepEqual(levelsOfPrefixMatches.slice(0, 5), [1, 1, 1, 1, 1]);
      assert.deepEqual(levelsOfPrefixMatches, [...levelsOfPrefixMatches].sort());
    });

    it('filters by level and parent, lists without q, caps the limit', async () => {
      const provinces = await geo.search(ANONYMOUS, { level: 1, limit: 100 });
      assert.equal(provinces.length, 63);
      assert.equal(provinces[0]?.code, '01');
      assert.equal((await geo.search(ANONYMOUS, { level: 1 })).length, 20);
      assert.equal((await geo.search(ANONYMOUS, { level: 3, limit: 500 })).length, 100);
      const inHanoi = await geo.search(ANONYMOUS, { q: 'ba dinh', parentCode: '01' });
      assert.ok(inHanoi.length > 0 && inHanoi.every((u) => u.parentCode === '01'));
      const hcm2025 = await geo.search(ANONYMOUS, { q: 'ho chi minh', structure: '2025', level: 1 });
      assert.equal(hcm2025[0]?.code, '79');
    });

    it('gives a commune its province and district, in that order, and maps it to 2025', async () => {
      const d = await geo.get(ANONYMOUS, '00001');
      assert.equal(d.unit.type, 'Phường');
      assert.deepEqual(
        d.ancestors.map((u) => u.code),
        ['01', '001'],
      );
      assert.equal(d.childCount, 0);
      assert.deepEqual(
        d.mapping2025?.map((u) => u.fullName),
        ['Phường Hồng Hà'],
      );
      const hanoi = await geo.get(ANONYMOUS, '01');
      assert.equal(hanoi.unit.type, 'Thành phố Trung ương');
      assert.equal(hanoi.unit.population, 8053663);
      assert.deepEqual(hanoi.ancestors, []);
    });

    it('lists the communes of a district in code order', async () => {
      const items = await geo.children(ANONYMOUS, '001');
      assert.equal(items.length, 13);
      assert.equal(items[0]?.code, '00001');
      assert.ok(items.every((u) => u.level === 3 && u.districtCode === '001'));
      assert.equal((await geo.get(ANONYMOUS, '001')).childCount, 13);
      assert.equal(
        (await geo.children(ANONYMOUS, '01', '2025')).length,
        (await geo.get(ANONYMOUS, '01', '2025')).childCount,
      );
    });

    it('refuses an unknown code with UNIT_NOT_FOUND', async () => {
      await assert.rejects(
        geo.get(ANONYMOUS, '99999'),
        (e) => e instanceof AppError && e.code === 'UNIT_NOT_FOUND',
      );
      await assert.rejects(
        geo.children(ANONYMOUS, '001', '2025'),
        (e) => e instanceof AppError && e.code === 'UNIT_NOT_FOUND',
      );
    });

    it('each unit has its level name and its ancestors’ path, so a subtree is a path prefix', async () => {
      const under = async (structure: string, prefix: string) =>
        (
          await db.query<{ level_name: string; n: number }>(
            `select level_name, count(*)::int as n from admin_units
             where structure = $1 and path like $2 || '%' group by level_name order by level_name`,
            [structure, prefix],
          )
        ).map((r) => `${r.level_name}:${r.n}`);
      const children = async (structure: string, parent: string) =>
        (
          await db.query<{ n: number }>(
            'select count(*)::int as n from admin_units where structure = $1 and parent_code = $2',
            [structure, parent],
          )
        )[0]!.n;
      // Ba Đình (pre2025) and its communes; Hà Nội on 2025: the city and its communes, no district
      assert.deepEqual(await under('pre2025', '/01/001/'), [
        'commune:' + (await children('pre2025', '001')),
        'district:1',
      ]);
      assert.deepEqual(await under('2025', '/01/'), [
        'commune:' + (await children('2025', '01')),
        'province:1',
      ]);
      const [ward] = await db.query<{ path: string; level_name: string }>(
        `select path, level_name from admin_units where structure = 'pre2025' and code = '00001'`,
      );
      assert.deepEqual(ward, { path: '/01/001/00001/', level_name: 'commune' });
    });

    it('locates a commune and names units for other modules', async () => {
      assert.deepEqual(await locationOfCommune(db, '00001'), {
        provinceCode: '01',
        districtCode: '001',
        communeCode: '00001',
        structure: 'pre2025',
      });
      assert.equal(await locationOfCommune(db, '001'), undefined);
      // on the 2025 map 00004 is Phường Ba Đình, with no district
      assert.deepEqual(await locationOfCommune(db, '00004', '2025'), {
        provinceCode: '01',
        districtCode: null,
        communeCode: '00004',
        structure: '2025',
      });
      const names = await unitNames(db, ['01', '001', '00001', '00001', '99999']);
      assert.deepEqual([...names.entries()].sort(), [
        ['00001', 'Phường Phúc Xá'],
        ['001', 'Quận Ba Đình'],
        ['01', 'Thành phố Hà Nội'],
      ]);
    });

    it('loads once: a second call writes nothing, a new version reloads everything', async () => {
      const before = await db.query<{ version: string; loaded_at: unknown }>(
        'select version, loaded_at from reference_data',
      );
      assert.equal(await loadAdminUnits(db), 0);
      assert.deepEqual(await db.query('select version, loaded_at from reference_data'), before);
      await db.query("update reference_data set version = 'older' where name = 'admin_units'");
      await db.query("update admin_units set name = 'changed' where structure = 'pre2025' and code = '01'");
      assert.equal(await loadAdminUnits(db), 63 + 696 + 10035 + 34 + 3321);
      assert.equal((await geo.get(ANONYMOUS, '01')).unit.name, 'Hà Nội');
      assert.equal(await count('pre2025', 3), 10035);
      const [mapping] = await db.query<{ n: number }>(
        'select count(*)::int as n from admin_unit_mapping_2025',
      );
      assert.ok((mapping?.n ?? 0) > 10047);
    });
  });
}
