import type { AuditAction } from '@phongdich/contracts';
import type { Queryable } from '../../core/db/db';
import type { Param } from '../../core/db/db';
import { auditEntryCte } from '../../core/audit/audit';
import { storedUuid } from '../../core/audit/entry-crypto';
import type { CheckinMethod, CheckinRow, NewCheckin } from './checkins.types';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

const COLUMNS = `id, person_id, venue_id, method, device_time, server_time, checkout_time, commune_code,
  district_code, province_code, recorded_by_account_id, source`;

/**
 * Inserts many check-ins in one statement. `checkin_ids` decides which ids are new (its primary key,
 * `on conflict do nothing`); only those rows go into the partitioned table. Returns the new ids.
 * The caller passes distinct ids (duplicates inside one call are resolved before). With `audit`, the
 * same statement appends one audit entry listing the stored check-ins and their people: one round
 * trip, one implicit transaction, for rows and audit together. If only some of the rows are new, the
 * statement fails and stores nothing (the entry signed for all of them would not match): the group
 * commit then writes the rows one by one.
 */
export async function insertCheckins(
  q: Queryable,
  rows: NewCheckin[],
  audit?: { action: AuditAction; writer: string },
): Promise<Set<string>> {
  if (!rows.length) return new Set();
  const col = <T>(f: (r: NewCheckin) => T) => rows.map(f);
  // One entry per account and address in the commit (usually one): a staff-recorded check-in is
  // audited with the staff account, its role and unit, the address the request came from and the
  // venue. Each entry lists what this statement stores for its group: all of the group's rows, or
  // none (see auditEntryCte), committing with the rows in one statement.
  const audits = audit ? auditGroups(q, rows, audit) : [];
  const auditCte = audits.map((a) => `, ${a.sql}`).join('');
  const inserted = await q.query<{ id: string }>(
    `with u as (
       select * from unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[],
         $6::timestamptz[], $7::text[], $8::text[], $9::text[], $10::uuid[], $11::text[], $12::text[])
         as u(id, person_id, venue_id, method, device_time, server_time, commune_code, district_code,
              province_code, recorded_by_account_id, source, unit_structure)
     ), fresh as (
       insert into checkin_ids (id, server_time) select id, server_time from u
       on conflict (id) do nothing returning id
     ), stored as (
       insert into checkins (id, person_id, venue_id, method, device_time, server_time, commune_code,
         district_code, province_code, recorded_by_account_id, source, unit_structure)
       select u.id, u.person_id, u.venue_id, u.method, u.device_time, u.server_time, u.commune_code,
         u.district_code, u.province_code, u.recorded_by_account_id, u.source,
         coalesce(u.unit_structure, ${DEPLOYMENT_STRUCTURE_SQL})
       from u join fresh on fresh.id = u.id
       returning id, person_id, venue_id, recorded_by_account_id
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
      col((r) => r.unitStructure ?? null),
      ...audits.flatMap((a) => a.params),
    ],
  );
  return new Set(inserted.map((r) => r.id));
}

/**
 * The audit CTEs for one insert: rows grouped by who recorded them and from where, each group's
 * stored rows selected by id, its entry MAC'd by the application for exactly those rows.
 * Parameters follow the insert's twelve.
 */
function auditGroups(
  q: Queryable,
  rows: NewCheckin[],
  audit: { action: AuditAction; writer: string },
): { sql: string; params: Param[] }[] {
  const groups = new Map<string, NewCheckin[]>();
  for (const r of rows) {
    const key = JSON.stringify([
      r.recordedBy ?? null,
      r.request?.role ?? null,
      r.request?.unit ?? null,
      r.request?.ip ?? null,
    ]);
    // Appended in place: copying the group for every row made a 1000-row sync batch's grouping quadratic.
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  let next = 13;
  return [...groups.values()].map((group, i) => {
    const first = group[0]!;
    const ids = group.map((r) => storedUuid(r.id)!);
    const name = `audit_group_${letters(i)}`; // CTE names: letters only (auditEntryCte checks)
    const entry = auditEntryCte(
      q,
      `${name}_entry`,
      {
        action: audit.action,
        source: name,
        details: {
          writer: audit.writer,
          checkinIds: ids,
          personIds: group.map((r) => storedUuid(r.personId)),
          venueIds: [...new Set(group.map((r) => storedUuid(r.venueId)))].sort(),
        },
        rows: group.length,
        actor: {
          accountId: first.recordedBy ?? null,
          role: first.request?.role ?? 'anonymous',
          unit: first.request?.unit ?? null,
          ip: first.request?.ip ?? null,
          requestId: first.request?.requestId ?? null,
        },
      },
      next + 1,
    );
    const sql = `${name} as (select id from stored where id = any($${next}::uuid[])), ${entry.sql}`;
    const params: Param[] = [ids, ...entry.params];
    next += params.length;
    return { sql, params };
  });
}

/** 0 → a, 25 → z, 26 → ba: a name part made of letters. */
function letters(i: number): string {
  return (i >= 26 ? letters(Math.floor(i / 26)) : '') + String.fromCharCode(97 + (i % 26));
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

/**
 * An earlier check-in of the same person at the same venue that this one belongs to: live scans by
 * the server's clock (a staff phone's clock may be off), offline ones by their device times, which
 * came from the same scanner. Bounded on server_time so the venue/person indexes are used.
 */
export async function sameVisitCheckin(
  q: Queryable,
  row: Pick<NewCheckin, 'venueId' | 'personId' | 'deviceTime' | 'serverTime' | 'source'>,
  windowMs: number,
): Promise<CheckinRow | undefined> {
  const live = row.source === 'live';
  const since = new Date(
    (live ? row.serverTime : row.deviceTime).getTime() - windowMs - (live ? 0 : 3_600_000),
  );
  const rows = await q.query<CheckinRow>(
    `select ${COLUMNS} from checkins
      where venue_id = $1 and person_id = $2 and server_time >= $3
        and ($4::boolean or device_time between $5::timestamptz and $6::timestamptz)
      order by server_time limit 1`,
    [
      row.venueId,
      row.personId,
      since,
      live,
      new Date(row.deviceTime.getTime() - windowMs),
      new Date(row.deviceTime.getTime() + windowMs),
    ],
  );
  return rows[0];
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

export const isMethod = (m: string): m is CheckinMethod =>
  ['venue_qr', 'personal_qr', 'printed_qr', 'cccd', 'bhyt', 'manual'].includes(m);

/**
 * The visit(s) recorded against a pending identity now belong to the person it was resolved to (scan
 * resolves pending identities; the check-ins, held copies included, are written here).
 */
export async function repointCheckins(q: Queryable, from: string, to: string): Promise<number> {
  const moved = await q.query('update checkins set person_id = $2 where person_id = $1 returning id', [
    from,
    to,
  ]);
  await q.query('update checkins_held set person_id = $2 where person_id = $1', [from, to]);
  return moved.length;
}
