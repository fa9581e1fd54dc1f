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
): Promise<Map<string, VenueForTracing>> {
  if (!ids.length) return new Map();
  const rows = await q.query<{
    id: string;
    kind: string;
    parent_id: string | null;
    child_ids: string[] | null;
  }>(
    `select v.id, v.kind, v.parent_id,
            (select array_agg(c.id order by c.id) from venues c where c.parent_id = v.id) as child_ids
       from venues v where v.id = any($1::uuid[])`,
    [[...ids]],
  );
  return new Map(
    rows.map((r) => [r.id, { id: r.id, kind: r.kind, parentId: r.parent_id, childIds: r.child_ids ?? [] }]),
  );
}
