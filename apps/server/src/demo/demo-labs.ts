import type { Db } from '../core/db/db';

/** Demo laboratories with fixed ids, so demo lab staff accounts can point at them. */
export const DEMO_LABS = [
  {
    id: '5a3b0000-0000-4000-8000-000000000001',
    code: 'CDC-HN',
    name: 'Trung tâm Kiểm soát bệnh tật Hà Nội',
    commune: ['00001', '001', '01'],
  },
  {
    id: '5a3b0000-0000-4000-8000-000000000002',
    code: 'BVNDTW',
    name: 'Bệnh viện Bệnh Nhiệt đới Trung ương',
    commune: ['00004', '001', '01'],
  },
  {
    id: '5a3b0000-0000-4000-8000-000000000003',
    code: 'PASTEUR-HCM',
    name: 'Viện Pasteur TP. Hồ Chí Minh',
    commune: ['26800', '769', '79'],
  },
] as const;

/** The Ba Đình demo lab technician and supervisor work at CDC Hà Nội. */
const LAB_STAFF = ['ktv.badinh', 'truongxn.badinh'];

export async function seedDemoLabs(db: Db): Promise<void> {
  for (const lab of DEMO_LABS) {
    const [commune, district, province] = lab.commune;
    await db.query(
      `insert into labs (id, code, name, commune_code, district_code, province_code)
       values ($1, $2, $3, $4, $5, $6) on conflict do nothing`,
      [lab.id, lab.code, lab.name, commune, district, province],
    );
  }
  await db.query(
    `update accounts set facility_id = $1 where username = any($2::text[]) and facility_id is null`,
    [DEMO_LABS[0].id, LAB_STAFF],
  );
}
