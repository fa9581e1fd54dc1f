import type { Queryable } from '../../core/db/db';
import { auditEntryCte } from '../../core/audit/audit';
import type { CheckinMethod, CheckinRow, NewCheckin } from './checkins.types';

const COLUMNS = `id, person_id, venue_id, method, device_time, server_time, checkout_time, commune_code,
  district_code, province_code, recorded_by_account_id, source`;

/**
 * Inserts many check-ins in one statement. `checkin_ids` decides which ids are new (its primary key,
 * `on conflict do nothing`); only those rows go into the partitioned table. Returns the new ids.
 * The caller passes distinct ids (duplicates inside one call are resolved before). With `audit`, the
 * same statement appends one audit entry listing the stored check-ins and their people: one round
 * trip, one implicit transaction, for rows and audit together.
 */
export async function insertCheckins(
  q: Queryable,
  rows: NewCheckin[],
  audit?: { action: string; writer: string },
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const col = <T>(f: (r: NewCheckin) => T) => rows.map(f);
  const auditCte = audit
    ? `, ${auditEntryCte('audited', {
        action: audit.action,
        source: 'stored',
        detailsSql: `jsonb_build_object('writer', $12::text, 'checkinIds', jsonb_agg(id),
           'personIds', jsonb_agg(person_id),
           'recordedBy', coalesce(jsonb_agg(distinct recorded_by_account_id)
             filter (where recorded_by_account_id is not null), '[]'::jsonb))`,
      })}`
    : '';
  const inserted = await q.query<{ id: string }>(
    `with u as (
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[],
         $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::text[])
         as u(id, person_id, venue_id, method, device_time, server_time, commune_code, district_code,
              province_code, recorded_by_account_id, source)
     ), fresh as (
       insert into checkin_ids (id, server_time) select id, server_time from u
       on conflict (id) do nothing returning id
     ), stored as (
       insert into checkins (id, person_id, venue_id, method, device_time, server_time, commune_code,
         district_code, province_code, recorded_by_account_id, source)
       select u.* from u join fresh on fresh.id = u.id
       returning id, person_id, recorded_by_account_id
     )${auditCte}
     select id from stored`,
    [
      col((r) => r.id),
      col((r) => r.personId),
      col((r) => r.venueId),
      col((r) => r.method),
      col((r) => r.deviceTime.toISOString()),
      col((r) => r.serverTime.toISOString()),
      col((r) => r.communeCode),
      col((r) => r.districtCode),
      col((r) => r.provinceCode),
      col((r) => r.recordedBy),
      col((r) => r.source),
      ...(audit ? [audit.writer] : []),
    ],
  );
  return new Set(inserted.map((r) => r.id));
}

/** Stored check-ins by id, found through checkin_ids (which names the partition by server_time). */
export async function checkinsByIds(q: Queryable, ids: string[]): Promise<CheckinRow[]> {
  if (!ids.length) return [];
  return q.query<CheckinRow>(
    `select ${COLUMNS.replace(/(\w+)/g, 'c.$1')} from checkin_ids i
       join checkins c on c.id = i.id and c.server_time = i.server_time
      where i.id = any($1::uuid[])`,
    [ids],
  );
}

export async function setCheckout(q: Queryable, id: string, at: Date): Promise<CheckinRow | undefined> {
  const rows = await q.query<CheckinRow>(
    `update checkins c set checkout_time = coalesce(c.checkout_time, $2)
       from checkin_ids i
      where i.id = $1 and c.id = i.id and c.server_time = i.server_time
      returning ${COLUMNS.replace(/(\w+)/g, 'c.$1')}`,
    [id, at],
  );
  return rows[0];
}

export interface VenueRow {
  id: string;
  name: string;
  status: 'pending' | 'active' | 'suspended';
  commune_code: string;
  district_code: string | null;
  province_code: string;
  owner_account_id: string | null;
  parent_id: string | null;
  requires_declaration_hours: number | null;
}

export async function findVenue(q: Queryable, id: string): Promise<VenueRow | undefined> {
  const rows = await q.query<VenueRow>(
    `select id, name, status, commune_code, district_code, province_code, owner_account_id, parent_id,
            requires_declaration_hours
       from venues where id = $1`,
    [id],
  );
  return rows[0];
}

/**
 * When the person last declared. The declarations module owns the table; this reads only its
 * `person_id, created_at` columns (the contract), through the person index.
 */
export async function latestDeclarationAt(q: Queryable, personId: string): Promise<Date | null> {
  const rows = await q.query<{ at: Date | null }>(
    'select max(created_at) as at from declarations where person_id = $1',
    [personId],
  );
  return rows[0]?.at ?? null;
}

export async function personExists(q: Queryable, id: string): Promise<boolean> {
  return (await q.query('select 1 from persons where id = $1', [id])).length > 0;
}

export const isMethod = (m: string): m is CheckinMethod =>
  ['venue_qr', 'personal_qr', 'printed_qr', 'cccd', 'bhyt', 'manual'].includes(m);
