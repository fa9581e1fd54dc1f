import type { Queryable } from '../../core/db/db';

/** A point as contact tracing needs it: its kind (default stay, weight) and its parent and children. */
export interface VenueForTracing {
  id: string;
  kind: string;
  parentId: string | null;
  childIds: string[];
}

/**
 * The points named and their family in one query: a market's stalls share its air, so someone at a
 * stall was also "at" the market, and the reverse (venues_parent_idx serves the children).
 */
export async function venuesForTracing(
  q: Queryable,
  ids: readonly string[],
  opts: { family?: boolean } = {},
): Promise<Map<string, VenueForTracing>> {
  if (!ids.length) return new Map();
  // With `family`, the parents and children of the points named come in the same round trip (their own
  // kinds give their default stays): one query where tracing made two.
  const which = opts.family
    ? `v.id in (with named as (select id, parent_id from venues where id = any($1::uuid[]))
         select id from named
         union select parent_id from named where parent_id is not null
         union select c.id from venues c join named n on c.parent_id = n.id)`
    : 'v.id = any($1::uuid[])';
  const rows = await q.query<{
    id: string;
    kind: string;
    parent_id: string | null;
    child_ids: string[] | null;
  }>(
    `select v.id, v.kind, v.parent_id,
            (select array_agg(c.id order by c.id) from venues c where c.parent_id = v.id) as child_ids
       from venues v where ${which}`,
    [[...ids]],
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, kind: r.kind, parentId: r.parent_id, childIds: r.child_ids ?? [] }]),
  );
}
