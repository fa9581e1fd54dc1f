import type { Queryable } from '../../core/db/db';

export interface VenueVisitRow {
  id: string;
  person_id: string;
  method: string;
  device_time: Date;
  server_time: Date;
  checkout_time: Date | null;
  full_name: string | null;
  phones: string[] | null;
  birth_year: number | null;
}

export interface PersonVisitRow {
  id: string;
  person_id: string;
  venue_id: string;
  venue_name: string | null;
  method: string;
  device_time: Date;
  server_time: Date;
  checkout_time: Date | null;
  commune_code: string | null;
  district_code: string | null;
  province_code: string | null;
}

const LIVE_AND_HELD = (where: string) => `
  select id, person_id, venue_id, method, device_time, server_time, checkout_time, commune_code,
         district_code, province_code from checkins where ${where}
  union all
  select id, person_id, venue_id, method, device_time, server_time, checkout_time, commune_code,
         district_code, province_code from checkins_held where ${where}`;

/**
 * "Who was at this point between t1 and t2": the (venue_id, server_time) index of each partition in
 * range, plus held rows; keyset-paged on (server_time, id). Names, birth years and phones come from the
 * owners' read views (people's person_contact_brief, scan's pending_identity_brief), inlined by the
 * planner, in this one statement (a second one for the phones doubled its time, 0078).
 */
export function visitsAtVenue(
  q: Queryable,
  p: { venueId: string; from: Date; to: Date; after?: { time: Date; id: string }; limit: number },
): Promise<VenueVisitRow[]> {
  const after = p.after ? 'and (server_time, id) > ($4::timestamptz, $5::uuid)' : '';
  return q.query<VenueVisitRow>(
    `select c.id, c.person_id, c.method, c.device_time, c.server_time, c.checkout_time,
            coalesce(p.full_name, pi.full_name) as full_name, p.phones,
            coalesce(p.birth_year, pi.birth_year) as birth_year
       from (${LIVE_AND_HELD(`venue_id = $1 and server_time >= $2 and server_time < $3 ${after}`)}) c
       left join person_contact_brief p on p.id = c.person_id
       -- A visitor a venue scanned who is not in the registry yet: traced by the card's name.
       left join pending_identity_brief pi on pi.id = c.person_id and p.id is null
      order by c.server_time, c.id
      limit ${Math.trunc(p.limit)}`,
    p.after ? [p.venueId, p.from, p.to, p.after.time, p.after.id] : [p.venueId, p.from, p.to],
  );
}

/**
 * "Where was this person since …": the (person_id, server_time) index, newest first, keyset-paged on
 * (server_time, id) so rows sharing a timestamp are neither skipped nor repeated across pages.
 */
export function visitsOfPersons(
  q: Queryable,
  p: { personIds: string[]; since: Date; before?: { time: Date; id: string }; limit: number },
): Promise<PersonVisitRow[]> {
  const before = p.before ? 'and (server_time, id) < ($3::timestamptz, $4::uuid)' : '';
  return q.query<PersonVisitRow>(
    `select c.*, v.name as venue_name
       from (${LIVE_AND_HELD(`person_id = any($1::uuid[]) and server_time >= $2 ${before}`)}) c
       left join venue_brief v on v.id = c.venue_id
      order by c.server_time desc, c.id desc
      limit ${Math.trunc(p.limit)}`,
    p.before ? [p.personIds, p.since, p.before.time, p.before.id] : [p.personIds, p.since],
  );
}

/** A check-in by primary-key lookup: the benchmarks' reference for the cheapest possible query. */
export async function checkinById(q: Queryable, id: string): Promise<{ id: string } | undefined> {
  const rows = await q.query<{ id: string }>(
    `select c.id from checkin_ids i join checkins c on c.id = i.id and c.server_time = i.server_time
      where i.id = $1`,
    [id],
  );
  return rows[0];
}
