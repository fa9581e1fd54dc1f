import type { Queryable } from '../../core/db/db';

/** A check-in as contact tracing reads it: who, where, from when, until when if they checked out. */
export interface Presence {
  personId: string;
  venueId: string;
  checkinAt: Date;
  checkoutAt: Date | null;
}

type Row = { person_id: string; venue_id: string; server_time: Date; checkout_time: Date | null };
const toPresence = (r: Row): Presence => ({
  personId: r.person_id,
  venueId: r.venue_id,
  checkinAt: r.server_time,
  checkoutAt: r.checkout_time,
});

/**
 * Where a person checked in with `from <= server_time < to`, oldest first, live and held rows (an
 * investigation's hold keeps them past retention). Served by checkins_person_time_idx per partition.
 */
export async function presencesOf(q: Queryable, personId: string, from: Date, to: Date): Promise<Presence[]> {
  const rows = await q.query<Row>(
    `select person_id, venue_id, server_time, checkout_time from checkins
      where person_id = $1 and server_time >= $2 and server_time < $3
     union all
     select person_id, venue_id, server_time, checkout_time from checkins_held
      where person_id = $1 and server_time >= $2 and server_time < $3
     order by server_time`,
    [personId, from, to],
  );
  return rows.map(toPresence);
}

/**
 * Everyone who checked in at each slot's point with `from <= server_time < to` (several slots in one
 * round trip: one index range scan of checkins_venue_time_idx per slot, by a lateral join, so only the
 * partitions of each slot's days are read). With `leftAfter` and `estimatedFrom` the window is bounded
 * by who can still have been there: a check-out after `leftAfter`, or, without one, a check-in after
 * `estimatedFrom` (the point kind's default stay before) — `from` has to reach back the longest stay
 * for the first kind, which otherwise returns every visit of those hours (tracing: 3× fewer rows).
 */
export async function presentAt(
  q: Queryable,
  slots: readonly { venueId: string; from: Date; to: Date; leftAfter?: Date; estimatedFrom?: Date }[],
): Promise<Presence[]> {
  if (!slots.length) return [];
  // The slots' whole span as plain parameters too: the planner prunes the partitions outside it when
  // it plans (a slot's own bounds come from the lateral row, so they prune only while executing, and
  // every partition of the retention period and the week ahead would be planned for each query).
  const bound = `(s.left_after is null or checkout_time > s.left_after or server_time > s.estimated_from)
    and server_time >= $6 and server_time < $7`;
  const span = slots.reduce(
    (a, s) => ({ from: s.from < a.from ? s.from : a.from, to: s.to > a.to ? s.to : a.to }),
    { from: slots[0]!.from, to: slots[0]!.to },
  );
  const rows = await q.query<Row>(
    `select c.person_id, c.venue_id, c.server_time, c.checkout_time
       from unnest($1::uuid[], $2::timestamptz[], $3::timestamptz[], $4::timestamptz[], $5::timestamptz[])
         as s(venue_id, t1, t2, left_after, estimated_from)
       cross join lateral (
         select person_id, venue_id, server_time, checkout_time from checkins
          where venue_id = s.venue_id and server_time >= s.t1 and server_time < s.t2 and ${bound}
         union all
         select person_id, venue_id, server_time, checkout_time from checkins_held
          where venue_id = s.venue_id and server_time >= s.t1 and server_time < s.t2 and ${bound}
       ) c`,
    [
      slots.map((s) => s.venueId),
      slots.map((s) => s.from),
      slots.map((s) => s.to),
      slots.map((s) => s.leftAfter ?? null),
      slots.map((s) => s.estimatedFrom ?? s.from),
      span.from,
      span.to,
    ],
  );
  return rows.map(toPresence);
}
