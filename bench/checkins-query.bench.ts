/**
 * The two tracing queries at scale — "who was at this point between t1 and t2" (one day at one
 * venue) and "where was this person in the last 14 days" — with the repository's real SQL (live and
 * held rows, person/venue names joined), beside a same-run primary-key lookup of one check-in.
 * Rows are generated set-based (`insert … select generate_series`) over the last 30 days into daily
 * partitions: ~1000 check-ins per venue and ~20 per person per 30 days. Person and venue ids are
 * random (md5); check-in ids follow the row number so the set-based load appends to their indexes; the
 * secondary indexes are rebuilt after the load. Kept between runs
 * (BENCH_DATA_DIR or the DATABASE_URL database).
 *
 *   BENCH_DATA_DIR=/var/tmp/pd-checkins-10m npx tsx bench/checkins-query.bench.ts [--rows 10000000]
 *   DATABASE_URL=postgres://… npx tsx bench/checkins-query.bench.ts --rows 100000000
 */
import { createHash } from 'node:crypto';
import { openBenchDb } from './lib/bench-db';
import { summary, timeEach } from './lib/stats';
import { ensurePartitions } from '../apps/server/src/core/db/partitions';
import {
  checkinById,
  visitsAtVenue,
  visitsOfPersons,
} from '../apps/server/src/modules/checkins/checkins.query.repository';
import { Prng } from '../apps/server/src/demo/prng';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rows = arg('rows', 10_000_000);
const runs = arg('runs', 300);
const CHUNK = 1_000_000;
const DAY = 86_400_000;
const SPAN_S = 29 * 86_400;
const persons = Math.max(1, Math.floor(rows / 20));
const venues = Math.max(1, Math.floor(rows / 1000));

/** The same ids SQL makes with md5(text)::uuid. */
const uuidOf = (text: string) =>
  createHash('md5')
    .update(text)
    .digest('hex')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

/** Check-in ids are made from the row number (set-based generation appends to the id indexes in order). */
const idOf = (i: number) =>
  i
    .toString(16)
    .padStart(32, '0')
    .replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

const { db, where } = await openBenchDb();
try {
  // The data set is anchored to the day it was generated, so a reused one is queried at its dates.
  await db.exec(
    'create table if not exists bench_checkins_meta (rows bigint primary key, anchor timestamptz)',
  );
  let meta = (
    await db.query<{ anchor: Date }>('select anchor from bench_checkins_meta where rows = $1', [rows])
  )[0];
  if (!meta) {
    const anchor = new Date();
    await ensurePartitions(db, 'checkins', 'day', new Date(anchor.getTime() - 30 * DAY), 32);
    const t = performance.now();
    // A bulk load: the secondary indexes are dropped and afterwards rebuilt from their own
    // definitions (sorted builds instead of 100 million random b-tree inserts). Same schema in the end.
    const indexes = await db.query<{ name: string; def: string }>(
      `select indexname as name, indexdef as def from pg_indexes
        where tablename in ('checkins', 'checkin_ids') and indexname not like '%pkey'`,
    );
    for (const ix of indexes) await db.exec(`drop index ${ix.name}`);
    for (let from = 0; from < rows; from += CHUNK) {
      const to = Math.min(rows, from + CHUNK) - 1;
      // A pseudo-random spread in time (i × prime mod span); persons and venues by modulo.
      await db.query(
        `with g as (
           select i, $3::timestamptz - ((i * 7919) % ${SPAN_S}) * interval '1 second' as t
             from generate_series($1::bigint, $2::bigint) i
         ), ins as (
           insert into checkin_ids (id, server_time) select lpad(to_hex(i), 32, '0')::uuid, t from g
         )
         insert into checkins (id, person_id, venue_id, method, device_time, server_time, commune_code,
           district_code, province_code, recorded_by_account_id, source)
         select lpad(to_hex(i), 32, '0')::uuid, md5('p' || (i % ${persons}))::uuid, md5('v' || (i % ${venues}))::uuid,
                'venue_qr', t, t, '00001', '001', '01', null, 'live'
           from g`,
        [from, to, anchor],
      );
      process.stdout.write(`\rgenerated ${(to + 1).toLocaleString('en')} check-ins`);
    }
    console.log(`\nrebuilding ${indexes.map((ix) => ix.name).join(', ')}`);
    if (where === 'postgresql') await db.exec(`set maintenance_work_mem = '1GB'`);
    // pg_indexes shows a partitioned index as `ON ONLY parent`; built that way it would stay invalid.
    for (const ix of indexes) await db.exec(ix.def.replace(' ON ONLY ', ' ON '));
    await db.exec('analyze checkins; analyze checkin_ids');
    await db.query('insert into bench_checkins_meta (rows, anchor) values ($1, $2)', [rows, anchor]);
    console.log(` in ${((performance.now() - t) / 1000).toFixed(0)} s`);
    meta = { anchor };
  }
  const total = (await db.query<{ n: number }>('select count(*)::int8 as n from checkin_ids'))[0]!.n;
  const anchor = meta.anchor.getTime();
  const rng = new Prng(7);
  const pick = (n: number) => Math.floor(rng.next() * n);

  const venueDay = await timeEach(runs, async () => {
    const from = new Date(anchor - (1 + pick(27)) * DAY);
    return visitsAtVenue(db, {
      venueId: uuidOf(`v${pick(venues)}`),
      from,
      to: new Date(from.getTime() + DAY),
      limit: 501,
    });
  });
  let found = 0;
  const person14 = await timeEach(runs, async () => {
    const r = await visitsOfPersons(db, {
      personIds: [uuidOf(`p${pick(persons)}`)],
      since: new Date(anchor - 14 * DAY),
      limit: 1000,
    });
    found += r.length;
  });
  const pk = await timeEach(runs, () => checkinById(db, idOf(pick(rows))));

  console.log(
    `check-in tracing queries on ${where}: ${total.toLocaleString('en')} check-ins, ${venues.toLocaleString('en')} venues, ${persons.toLocaleString('en')} people`,
  );
  console.log(summary('who was at a venue during one day', venueDay));
  console.log(summary(`where was a person, 14 days (avg ${(found / runs).toFixed(1)} rows)`, person14));
  console.log(summary('reference: check-in by id (primary key)', pk));
} finally {
  await db.close();
}
