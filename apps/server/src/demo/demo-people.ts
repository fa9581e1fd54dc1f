import { foldVietnamese } from '@phongdich/domain';
import type { Db } from '../core/db/db';
import { generatePeople } from './generate-people';

/**
 * The people a newcomer meets in the demo: a citizen (the demo phone) with a child in Phúc Xá, Hà Nội,
 * a neighbour, and a person in Thủ Đức, HCMC — outside the Phúc Xá officer's jurisdiction, for the
 * masked view and break-glass — plus a few thousand generated people in both cities.
 */
const NAMED = [
  {
    key: 'an',
    fullName: 'Nguyễn Văn An',
    birthDate: '1985-03-12',
    sex: 'male',
    cccd: '001085123456',
    bhyt: 'DN4010123456789',
    phone: '+84912345678',
    commune: ['00001', '001', '01'],
    street: '12 Phó Đức Chính',
  },
  {
    key: 'binh',
    fullName: 'Nguyễn Thị Bình',
    birthDate: '2015-09-01',
    sex: 'female',
    cccd: null,
    bhyt: 'TE1010123456790',
    phone: null,
    commune: ['00001', '001', '01'],
    street: '12 Phó Đức Chính',
  },
  {
    key: 'dung',
    fullName: 'Lê Văn Dũng',
    birthDate: '1972-11-20',
    sex: 'male',
    cccd: '001072654321',
    bhyt: 'HT3010123456791',
    phone: '+84987654321',
    commune: ['00001', '001', '01'],
    street: '5 Trúc Bạch',
  },
  {
    key: 'hang',
    fullName: 'Trần Thị Hằng',
    birthDate: '1990-06-15',
    sex: 'female',
    cccd: '079190246810',
    bhyt: 'DN4790123456792',
    phone: '+84909123456',
    commune: ['26800', '769', '79'],
    street: '8 Hoàng Diệu 2',
  },
] as const;

export async function seedDemoPeople(db: Db): Promise<void> {
  const done = await db.query(`select 1 from reference_data where name = 'demo_people'`);
  if (done.length) return;
  const ids = new Map<string, string>();
  await db.transaction(async (tx) => {
    for (const p of NAMED) {
      const [commune, district, province] = p.commune;
      const row = await tx.query<{ id: string }>(
        `insert into persons (full_name, name_folded, birth_date, birth_year, sex, cccd, bhyt, phones,
                              commune_code, district_code, province_code, street, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'demo') returning id`,
        [
          p.fullName,
          foldVietnamese(p.fullName),
          p.birthDate,
          Number(p.birthDate.slice(0, 4)),
          p.sex,
          p.cccd,
          p.bhyt,
          p.phone ? [p.phone] : [],
          commune,
          district,
          province,
          p.street,
        ],
      );
      ids.set(p.key, row[0]!.id);
    }
    await tx.query(
      `insert into person_family_links (person_id, member_id, relation) values ($1, $2, 'con')`,
      [ids.get('an')!, ids.get('binh')!],
    );
  });
  await generatePeople(db, { count: 2000, seed: 2021, provinceCode: '01' });
  await generatePeople(db, { count: 1000, seed: 2022, provinceCode: '79' });
  await db.query(`insert into reference_data (name, version) values ('demo_people', '1')`);
}
