import type { Db } from '../../core/db/db';
import { ensurePartitions } from '../../core/db/partitions';
import { dayStart } from './figures.rollup';

/**
 * Raw rows in the check-in and declaration tables (owned by those modules), written directly so the
 * figures can be checked against exact, known counts. `at` is "YYYY-MM-DD HH:MM" in Vietnam time.
 */
export async function insertCheckins(db: Db, venueId: string, at: string, count: number): Promise<void> {
  const time = new Date(`${at.replace(' ', 'T')}:00+07:00`);
  await ensurePartitions(db, 'checkins', 'day', time, 1);
  for (let i = 0; i < count; i++) {
    await db.query(
      `insert into checkins (id, person_id, venue_id, method, device_time, server_time, commune_code, district_code, province_code)
       select gen_random_uuid(), gen_random_uuid(), v.id, 'venue_qr', $2, $2, v.commune_code, v.district_code, v.province_code
       from venues v where v.id = $1`,
      [venueId, time],
    );
  }
}

export async function insertDeclarations(db: Db, venueId: string | null, at: string, count: number) {
  const time = new Date(`${at.replace(' ', 'T')}:00+07:00`);
  await ensurePartitions(db, 'declarations', 'month', time, 1);
  for (let i = 0; i < count; i++) {
    await db.query(
      `insert into declarations (person_id, kind, question_set_version, answers, venue_id, commune_code, province_code, created_at)
       values (gen_random_uuid(), 'domestic', 'test', '{}'::jsonb, $1, '00001', '01', $2)`,
      [venueId, time],
    );
  }
}

/** Backdates a point's registration to the start of a day (Vietnam time) plus some hours. */
export async function registeredOn(db: Db, venueId: string, day: string, hours = 8): Promise<void> {
  await db.query('update venues set created_at = $2 where id = $1', [
    venueId,
    new Date(dayStart(day).getTime() + hours * 3600_000),
  ]);
}
