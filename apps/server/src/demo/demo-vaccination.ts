import type { Db } from '../core/db/db';
import type { UnitStructure } from '../core/units/structure';

// A demo vaccination site in Phúc Xá with lots, a running campaign and slots for the coming week; the
// demo vaccinator (tiem.phucxa) works there. Fixed ids, so seeding again adds nothing. Seeded on the
// deployment's own map: on 2025 the ward is Phường Hồng Hà (00097, Phúc Xá went whole into it).
const SITE_ID = '7acc0000-0000-4000-8000-000000000001';
const CAMPAIGN_ID = '7acc0000-0000-4000-8000-000000000002';

const MAP = {
  pre2025: {
    commune: '00001',
    district: '001',
    site: 'Trạm Y tế phường Phúc Xá',
    campaign: 'phường Phúc Xá',
  },
  '2025': { commune: '00097', district: null, site: 'Trạm Y tế phường Hồng Hà', campaign: 'phường Hồng Hà' },
} as const;

export async function seedDemoVaccination(db: Db, structure: UnitStructure = 'pre2025'): Promise<void> {
  const m = MAP[structure];
  await db.query(
    `insert into vaccination_sites (id, name, kind, unit_structure, commune_code, district_code, province_code,
       daily_capacity, opens_at, closes_at)
     values ($1, $2, 'fixed', $3, $4, $5, '01', 300, '07:30', '17:00') on conflict do nothing`,
    [SITE_ID, m.site, structure, m.commune, m.district],
  );
  for (const [mp, lot] of [
    ['EU/1/21/1529', 'AZ-DEMO-01'],
    ['EU/1/20/1528', 'PF-DEMO-01'],
    ['BBIBP-CorV', 'VC-DEMO-01'],
  ] as const)
    await db.query(
      `insert into vaccine_lots (site_id, product_mp, lot_number, expires_on, quantity, remaining)
       values ($1, $2, $3, current_date + 180, 500, 500) on conflict do nothing`,
      [SITE_ID, mp, lot],
    );
  await db.query(
    `insert into vaccination_campaigns (id, name, disease, products, target_groups, unit_structure, area_code,
       starts_on, ends_on)
     values ($1, $2, 'covid-19', $3, $4, $5, $6, current_date, current_date + 30)
     on conflict do nothing`,
    [
      CAMPAIGN_ID,
      `Tiêm chủng COVID-19 ${m.campaign}`,
      ['EU/1/21/1529', 'EU/1/20/1528', 'BBIBP-CorV'],
      ['older_65', 'chronic_disease', 'general'],
      structure,
      m.commune,
    ],
  );
  // Hourly slots 08:00–16:00 (Viet Nam) for the next seven days, 30 people each.
  await db.query(
    `insert into vaccination_slots (site_id, campaign_id, starts_at, ends_at, capacity)
     select $1, $2, t, t + interval '1 hour', 30
     from generate_series(0, 6) d, generate_series(8, 15) h,
       lateral (select ((current_date + d)::timestamp + make_interval(hours => h)) at time zone 'Asia/Ho_Chi_Minh' as t) x
     on conflict do nothing`,
    [SITE_ID, CAMPAIGN_ID],
  );
  await db.query(
    `update accounts set facility_id = $1 where username = 'tiem.phucxa' and facility_id is null`,
    [SITE_ID],
  );
}
