import type { Db, Queryable } from '../../apps/server/src/core/db/db';

/**
 * Bulk-generates check-ins set-based (generate_series, 1 M a statement) for the check-in and tracing
 * benchmarks: ids lpad(hex(i)), times spread pseudo-randomly over `spanSeconds` before `anchor`
 * (i × 7919 mod span), people md5('p' || i mod persons), points md5('v' || venueIndex(i)). The secondary
 * indexes are dropped first and rebuilt from their own definitions afterwards (sorted builds instead
 * of millions of random b-tree inserts): same schema in the end. The partitions must already exist.
 */
export async function generateCheckins(
  db: Db,
  o: {
    rows: number;
    anchor: Date;
    spanSeconds: number;
    persons: number;
    /** SQL of the point's index for check-in `i` (e.g. `i % 10000`). */
    venueIndexSql: string;
    /**
     * SQL of check-in `i`'s time, `$3` being the anchor; default `$3 - ((i × 7919) mod span) seconds`
     * (uniform over the span, any hour).
     */
    timeSql?: string;
    /** A check-out on 6 in 10 (5 to 124 minutes later); none otherwise. */
    checkouts: boolean;
    postgres: boolean;
  },
): Promise<void> {
  const CHUNK = 1_000_000;
  const indexes = await db.query<{ name: string; def: string }>(
    `select indexname as name, indexdef as def from pg_indexes
      where tablename in ('checkins', 'checkin_ids') and indexname not like '%pkey'`,
  );
  for (const ix of indexes) await db.exec(`drop index ${ix.name}`);
  const checkout = o.checkouts
    ? `case when i % 10 < 6 then t + (5 + i % 120) * interval '1 minute' end`
    : 'null::timestamptz';
  for (let from = 0; from < o.rows; from += CHUNK) {
    const to = Math.min(o.rows, from + CHUNK) - 1;
    await db.query(
      `with g as (
         select i, ${o.timeSql ?? `$3::timestamptz - ((i * 7919) % ${o.spanSeconds}) * interval '1 second'`} as t
           from generate_series($1::bigint, $2::bigint) i
       ), ins as (
         insert into checkin_ids (id, server_time) select lpad(to_hex(i), 32, '0')::uuid, t from g
       )
       insert into checkins (id, person_id, venue_id, method, device_time, server_time, checkout_time,
         commune_code, district_code, province_code, source)
       select lpad(to_hex(i), 32, '0')::uuid, md5('p' || (i % ${o.persons}))::uuid,
              md5('v' || (${o.venueIndexSql}))::uuid, 'venue_qr', t, t, ${checkout}, '00001', '001', '01', 'live'
         from g`,
      [from, to, o.anchor],
    );
    process.stdout.write(`\rgenerated ${(to + 1).toLocaleString('en')} check-ins`);
  }
  console.log(`\nrebuilding ${indexes.map((ix) => ix.name).join(', ')}`);
  if (o.postgres) await db.exec(`set maintenance_work_mem = '1GB'`);
  // pg_indexes shows a partitioned index as `ON ONLY parent`; built that way it would stay invalid.
  for (const ix of indexes) await db.exec(ix.def.replace(' ON ONLY ', ' ON '));
  await db.exec('analyze checkins; analyze checkin_ids');
}

/**
 * The tracing benchmarks' reference: the bare index scans a candidate search cannot do without (the
 * person's own check-ins in the window, then each venue's check-ins around each visit).
 */
export async function bareCandidateScans(
  db: Queryable,
  personId: string,
  from: Date,
  to: Date,
  maxStayMs: number,
): Promise<void> {
  const own = await db.query<{ venue_id: string; server_time: Date }>(
    'select venue_id, server_time from checkins where person_id = $1 and server_time >= $2 and server_time < $3',
    [personId, new Date(from.getTime() - maxStayMs), to],
  );
  for (const c of own)
    await db.query(
      'select person_id, server_time, checkout_time from checkins where venue_id = $1 and server_time >= $2 and server_time < $3',
      [
        c.venue_id,
        new Date(c.server_time.getTime() - maxStayMs),
        new Date(c.server_time.getTime() + 2 * 3_600_000),
      ],
    );
}
