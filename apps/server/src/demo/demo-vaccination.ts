import type { Db } from '../core/db/db';

// A demo vaccination site in Phúc Xá with lots, a running campaign and slots for the coming week; the
// demo vaccinator (tiem.phucxa) works there. Fixed ids, so seeding again adds nothing.
const SITE_ID = '7acc0000-0000-4000-8000-000000000001';
const CAMPAIGN_ID = '7acc0000-0000-4000-8000-000000000002';

export async function seedDemoVaccination(db: Db): Promise<void> {
  await db.query(
    `insert into vaccination_sites (id, name, kind, commune_code, district_code, province_code, daily_capacity, opens_at, closes_at)
     values ($1, 'Trạm Y tế phường Phúc Xá', 'fixed', '00001', '001', '01', 300, '07:30', '17:00') on conflict do nothing`,
    [SITE_ID],
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
    `insert into vaccination_campaigns (id, name, disease, products, target_groups, area_code, starts_on, ends_on)
     values ($1, 'Tiêm chủng COVID-19 phường Phúc Xá', 'covid-19', $2, $3, '00001', current_date, current_date + 30)
     on conflict do nothing`,
    [CAMPAIGN_ID, ['EU/1/21/1529', 'EU/1/20/1528', 'BBIBP-CorV'], ['older_65', 'chronic_disease', 'general']],
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
