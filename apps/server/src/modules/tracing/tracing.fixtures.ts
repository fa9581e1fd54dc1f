// Test helpers for tracing: real database, real HTTP. Check-ins are written as the check-ins module
// stores them (partition of their day + the id row), at chosen times in the past.
import { randomUUID } from 'node:crypto';
import { foldVietnamese } from '@phongdich/domain';
import type { Db, Queryable } from '../../core/db/db';
import { ensurePartitions } from '../../core/db/partitions';
import { openCaseForPerson } from '../cases';

export async function venueOf(
  db: Queryable,
  kind: string,
  opts: { parentId?: string; communeCode?: string; name?: string } = {},
): Promise<string> {
  const name = opts.name ?? `Điểm ${kind} ${randomUUID().slice(0, 6)}`;
  const rows = await db.query<{ id: string }>(
    `insert into venues (kind, name, name_folded, commune_code, district_code, province_code, owner_phone, status, parent_id)
     values ($1, $2, $3, $4, '001', '01', '0912000000', 'active', $5) returning id`,
    [kind, name, foldVietnamese(name), opts.communeCode ?? '00001', opts.parentId ?? null],
  );
  return rows[0]!.id;
}

export async function checkin(db: Db, personId: string, venueId: string, at: Date, out: Date | null = null) {
  await ensurePartitions(db, 'checkins', 'day', at, 1);
  const id = randomUUID();
  await db.query('insert into checkin_ids (id, server_time) values ($1, $2)', [id, at]);
  await db.query(
    `insert into checkins (id, person_id, venue_id, method, device_time, server_time, checkout_time,
       commune_code, district_code, province_code)
     values ($1, $2, $3, 'venue_qr', $4, $4, $5, '00001', '001', '01')`,
    [id, personId, venueId, at, out],
  );
  return id;
}

/** Opens a case through the cases module's own command, as a released result would. */
export async function openCase(db: Db, personId: string, sampleDate: string, symptomOnset: string | null) {
  return db.transaction((tx) =>
    openCaseForPerson(tx, personId, { kind: 'manual', sampleDate, ruleVersion: 'test' }, { symptomOnset }),
  );
}
