import type { Param, Queryable } from '../../../core/db/db';
import { OLD_PATH_SQL, type MoveTable } from './move.tables';

export interface BatchResult {
  moved: number;
  review: number;
  /** The last key of the batch; null when the table has no rows left after `after`. */
  upper: string | null;
}

/**
 * Moves one key range of a record table, in the caller's transaction: rows whose commune (or, with
 * no commune, province) has exactly one 2025 unit take its codes; the others stay on their pre2025
 * codes and get a review row. Both keep their old path in `moved_from_unit`, which is also what
 * makes a re-run skip them.
 */
export async function moveBatch(
  tx: Queryable,
  t: MoveTable,
  after: string | null,
  size: number,
): Promise<BatchResult> {
  const k = `${t.key}`;
  const cast = `::${t.keyType}`;
  // Bounds written only when there is one (as parameters): an `$1 is null or key > $1` test would
  // hide the key's index from the planner and make every batch read the whole table.
  const from = after === null ? 'true' : `t.${k} > $1${cast}`;
  const bound = await tx.query<{ k: string }>(
    `select t.${k}::text as k from ${t.table} t where ${from}
     order by t.${k} offset ${Math.floor(size) - 1} limit 1`,
    after === null ? [] : [after],
  );
  const upper = bound[0]?.k ?? null;
  const params = [after, upper].filter((v): v is string => v !== null);
  const to = upper === null ? 'true' : `t.${k} <= $${params.length}${cast}`;
  const r = await moveRows(tx, t, `${from} and ${to}`, params);
  return { ...r, upper };
}

/**
 * Moves the rows of `range` (a condition on `t`, with its parameters) the general way: two
 * statements (the mapped rows, then the rest to review) and, for people, their name-word entries.
 * The people's block walk (`movePeopleBlocks`) leaves to it the rows it cannot map in one join.
 */
async function moveRows(
  tx: Queryable,
  t: MoveTable,
  rangeSql: string,
  params: readonly Param[],
): Promise<{ moved: number; review: number }> {
  const k = `${t.key}`;
  const range = `${rangeSql} and t.unit_structure = 'pre2025' and t.moved_from_unit is null`;
  // People's name-word entries carry their area (the search filters on them): the range's entries are
  // updated below in one statement, so the words trigger stands aside for this batch (migration 0060).
  if (t.nameWords) await tx.query(`select set_config('phongdich.name_words_by_caller', 'on', true)`);
  const moved = await tx.query<{ n: number }>(
    `with x as (
       select t.${k} as key, c.new_code as commune, coalesce(c.new_province_code, p.new_code) as province
       from ${t.table} t
       left join unit_move_map c on c.old_code = t.commune_code
       left join unit_move_map p on p.old_code = t.province_code
       where ${range}
     ), done as (
       update ${t.table} t set unit_structure = '2025', moved_from_unit = ${OLD_PATH_SQL('t')},
         province_code = x.province, district_code = null, commune_code = x.commune
       from x where t.${k} = x.key and x.province is not null
         and (x.commune is not null or t.commune_code is null)
       returning 1
     ) select count(*)::int as n from done`,
    params,
  );
  const review = await tx.query<{ n: number }>(
    `with x as (
       select t.${k} as key, ${OLD_PATH_SQL('t')} as old_path, t.commune_code,
         coalesce(c.candidates, '{}') as candidates, coalesce(c.new_province_code, p.new_code) as province
       from ${t.table} t
       left join unit_move_map c on c.old_code = t.commune_code
       left join unit_move_map p on p.old_code = t.province_code
       where ${range}
     ), listed as (
       insert into unit_move_reviews (table_name, record_key, reason, old_path, old_name, candidates, province_code)
       select '${t.table}', x.key::text, case when cardinality(x.candidates) > 1 then 'split' else 'unmapped' end,
         x.old_path, u.full_name, x.candidates, x.province
       from x left join admin_units u on u.structure = 'pre2025' and u.code = x.commune_code
       on conflict (table_name, record_key) do nothing
     ), marked as (
       update ${t.table} t set moved_from_unit = x.old_path from x where t.${k} = x.key returning 1
     ) select count(*)::int as n from marked`,
    params,
  );
  if (t.nameWords) {
    // The range on the people only: repeated on the word entries, the planner (estimating one row
    // for a uuid range on each side) rescanned the batch's people for every entry, which went
    // quadratic at 10 M people; this way it is one index lookup of entries per person.
    await tx.query(
      `update person_name_words w set unit_structure = t.unit_structure, province_code = t.province_code,
         district_code = t.district_code, commune_code = t.commune_code
       from persons t
       where t.id = w.person_id and ${rangeSql} and t.merged_into is null
         and (w.unit_structure, w.province_code, w.district_code, w.commune_code)
             is distinct from (t.unit_structure, t.province_code, t.district_code, t.commune_code)`,
      params,
    );
    await tx.query(`select set_config('phongdich.name_words_by_caller', 'off', true)`);
  }
  return { moved: moved[0]?.n ?? 0, review: review[0]?.n ?? 0 };
}

/** Where the people's block walk stands: the next block to read and the last block + 1 it reads. */
export interface BlockWalk {
  next: number;
  end: number;
}

const WALK = /^blocks:(\d+):(\d+)$/;
export const walkOf = (after: string | null): BlockWalk | null => {
  const m = after === null ? null : WALK.exec(after);
  return m ? { next: Number(m[1]), end: Number(m[2]) } : null;
};
export const walkText = (w: BlockWalk) => `blocks:${w.next}:${w.end}`;

/**
 * The people's walk at its start: the table's blocks as they are now (the versions the move writes
 * land after them, or in space already read, and are not read again) and how many blocks hold about
 * `size` people, from the table's statistics.
 */
export async function startPeopleWalk(
  tx: Queryable,
  size: number,
): Promise<{ walk: BlockWalk; blocks: number }> {
  const rows = await tx.query<{ blocks: number; per_block: number }>(
    `select (pg_relation_size('persons') / current_setting('block_size')::int)::int as blocks,
       case when c.relpages > 0 and c.reltuples > 0 then c.reltuples / c.relpages else 40 end::float8 as per_block
     from pg_class c where c.oid = 'persons'::regclass`,
  );
  const r = rows[0] ?? { blocks: 0, per_block: 40 };
  return {
    walk: { next: 0, end: r.blocks },
    blocks: Math.max(1, Math.round(size / Math.max(1, r.per_block))),
  };
}

/**
 * Moves the people of one range of physical blocks in ONE statement: a TID range scan reads the
 * blocks in order (no key index walk, no bound query), the update joins the mapping once and
 * writes each person once — the moved ones their 2025 codes, the rest (a split commune) only
 * their old path — and its RETURNING feeds both the name-word entries (by their primary key, one
 * lookup per person) and the review list. People whose commune or province the mapping does not
 * list at all are left for the sweep (`moveLeftovers`), which files them for review.
 */
export async function movePeopleBlocks(
  tx: Queryable,
  from: number,
  to: number,
): Promise<{ moved: number; review: number }> {
  // The words trigger stands aside: the statement updates the entries itself (migration 0060).
  await tx.query(`select set_config('phongdich.name_words_by_caller', 'on', true)`);
  const rows = await tx.query<{ moved: number; review: number }>(
    `with x as (
       update persons t set
         unit_structure = case when ok.yes then '2025' else t.unit_structure end,
         province_code = case when ok.yes then coalesce(c.new_province_code, p.new_code) else t.province_code end,
         district_code = case when ok.yes then null else t.district_code end,
         commune_code = case when ok.yes then c.new_code else t.commune_code end,
         moved_from_unit = ${OLD_PATH_SQL('t')}
       from unit_move_map c, unit_move_map p,
         lateral (select c.new_code is not null and coalesce(c.new_province_code, p.new_code) is not null as yes) ok
       where t.ctid >= $1::tid and t.ctid < $2::tid
         and t.unit_structure = 'pre2025' and t.moved_from_unit is null
         and c.old_code = t.commune_code and p.old_code = t.province_code
       returning t.id, t.merged_into, t.unit_structure, t.province_code, t.district_code, t.commune_code,
         t.moved_from_unit as old_path, ok.yes, c.candidates, coalesce(c.new_province_code, p.new_code) as province
     ), words as (
       update person_name_words w set unit_structure = x.unit_structure, province_code = x.province_code,
         district_code = x.district_code, commune_code = x.commune_code
       from x where x.yes and x.merged_into is null and w.person_id = x.id
       returning 1
     ), listed as (
       insert into unit_move_reviews (table_name, record_key, reason, old_path, old_name, candidates, province_code)
       select 'persons', x.id::text, case when cardinality(x.candidates) > 1 then 'split' else 'unmapped' end,
         x.old_path, u.full_name, x.candidates, x.province
       from x left join admin_units u on u.structure = 'pre2025' and u.code = x.commune_code
       where not x.yes
       on conflict (table_name, record_key) do nothing
     ) select count(*) filter (where x.yes)::int as moved, count(*) filter (where not x.yes)::int as review
       from x`,
    [`(${from},0)`, `(${to},0)`],
  );
  await tx.query(`select set_config('phongdich.name_words_by_caller', 'off', true)`);
  return { moved: rows[0]?.moved ?? 0, review: rows[0]?.review ?? 0 };
}

/**
 * After the walk, the people it did not carry: rows the mapping does not list, and rows written
 * meanwhile into blocks already read (an edit's new version). Up to `size` of them per call, the
 * general way; `left` says whether more remain.
 */
export async function moveLeftovers(
  tx: Queryable,
  t: MoveTable,
  size: number,
): Promise<{ moved: number; review: number; left: boolean }> {
  const ids = await tx.query<{ id: string }>(
    `select ${t.key}::text as id from ${t.table} where unit_structure = 'pre2025' and moved_from_unit is null
     limit ${Math.floor(size)}`,
  );
  if (!ids.length) return { moved: 0, review: 0, left: false };
  const r = await moveRows(tx, t, `t.${t.key} = any($1::${t.keyType}[])`, [ids.map((i) => i.id)]);
  return { ...r, left: ids.length === Math.floor(size) };
}

/** Figures follow their point: the day counts of moved venues take the venue's new codes. */
export async function moveVenueFigures(tx: Queryable, venueId?: string): Promise<number> {
  const rows = await tx.query<{ n: number }>(
    `with done as (
       update daily_venue_counts d set unit_structure = v.unit_structure, moved_from_unit = ${OLD_PATH_SQL('d')},
         province_code = v.province_code, district_code = v.district_code, commune_code = v.commune_code
       from venues v
       where v.id = d.venue_id and v.unit_structure = '2025' and d.unit_structure = 'pre2025'
         and ($1::uuid is null or v.id = $1::uuid)
       returning 1
     ) select count(*)::int as n from done`,
    [venueId ?? null],
  );
  return rows[0]?.n ?? 0;
}

/** The block range the people's next step reads, or null once the walk is over (the sweep is next). */
export async function peopleRange(
  q: Queryable,
  after: string | null,
  size: number,
): Promise<{ from: number; to: number; end: number } | null> {
  if (after === SWEEP) return null;
  const start = await startPeopleWalk(q, size);
  const walk = walkOf(after) ?? start.walk;
  if (walk.next >= walk.end) return null;
  return { from: walk.next, to: Math.min(walk.next + start.blocks, walk.end), end: walk.end };
}

const SWEEP = 'sweep';

/**
 * One step of the people's move, in the caller's transaction: the next range of the block walk, or
 * once the walk has passed the blocks the table had at its start, the sweep of what it left.
 * `after` is the step's progress (`blocks:<next>:<end>`, then `sweep`), `done` the end of both.
 */
export async function movePeopleStep(
  tx: Queryable,
  t: MoveTable,
  after: string | null,
  size: number,
): Promise<{ moved: number; review: number; after: string; done: boolean }> {
  const range = await peopleRange(tx, after, size);
  if (range) {
    const r = await movePeopleBlocks(tx, range.from, range.to);
    return { ...r, after: walkText({ next: range.to, end: range.end }), done: false };
  }
  const r = await moveLeftovers(tx, t, size);
  return { moved: r.moved, review: r.review, after: SWEEP, done: !r.left };
}
