import type { Queryable } from '../../core/db/db';

/** A person's check-ins between two instants with the point's name (cases' investigation form). */
export async function checkinsOfPerson(
  q: Queryable,
  personId: string,
  from: Date,
  to: Date,
): Promise<{ venueId: string; venueName: string; at: Date }[]> {
  return q.query(
    `select c.venue_id::text as "venueId", v.name as "venueName", c.server_time as at
     from checkins c join venue_brief v on v.id = c.venue_id
     where c.person_id = $1 and c.server_time >= $2 and c.server_time < $3
     order by c.server_time desc limit 200`,
    [personId, from, to],
  );
}
