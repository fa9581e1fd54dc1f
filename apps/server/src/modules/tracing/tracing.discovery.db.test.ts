import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { VN_2021_TRACING_RULES as RULES } from '@phongdich/domain';
import type { Db, Param, Queryable } from '../../core/db/db';
import { dbTargets } from '../../test-support/test-db';
import { unitStart } from '../../core/db/partitions';
import { vacuumClosedCheckinDays } from '../checkins';
import { checkin, venueOf } from './tracing.fixtures';
import { findCandidates, type Subject } from './tracing.discovery';

const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;

/**
 * Candidate discovery across a partition boundary (check-ins are partitioned by UTC day) with open
 * check-outs, and the plan it runs: the check-in reads are index-only (migration 0066) once the closed
 * days are vacuumed, and the candidates are the same before and after.
 */
for (const target of dbTargets()) {
  describe(`candidate discovery across midnight, index-only (${target.name})`, () => {
    let db: Db;
    /** UTC midnight two days ago: the boundary between two daily partitions, both closed days. */
    const mid = unitStart('day', new Date(Date.now() - 2 * DAY)).getTime();
    const at = (minutes: number) => new Date(mid + minutes * MIN);
    const p = {} as Record<'X' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', string>;
    let subject: Subject;
    let restaurant: string;
    let stall: string;

    before(async () => {
      db = await target.open();
      for (const k of Object.keys({ X: 0, A: 0, B: 0, C: 0, D: 0, E: 0, F: 0, G: 0 }))
        p[k as keyof typeof p] = randomUUID();
      restaurant = await venueOf(db, 'restaurant'); // 60 min without a check-out
      const market = await venueOf(db, 'market'); // 60 min
      stall = await venueOf(db, 'shop', { parentId: market }); // 20 min
      // The subject: at the restaurant 23:30–00:40 across midnight, then at the market from 23:50
      // the same night without checking out (until 00:50).
      await checkin(db, p.X, restaurant, at(-30), at(40));
      await checkin(db, p.X, market, at(-10));
      await checkin(db, p.A, restaurant, at(-180), at(-20)); // earlier partition, left 23:40: 10 min
      await checkin(db, p.B, restaurant, at(10)); // later partition, open: 00:10–01:10, 30 min
      await checkin(db, p.C, restaurant, at(-120)); // open, its 60 min end at 23:00: none
      await checkin(db, p.D, restaurant, at(-660), at(5)); // 11 h stay, left 00:05: 35 min
      await checkin(db, p.E, restaurant, at(-780), at(10)); // 13 h: capped at 12 h, ends 23:00: none
      await checkin(db, p.F, stall, at(20)); // a stall of the market, open: 00:20–00:40, 20 min
      await checkin(db, p.G, restaurant, at(40), at(90)); // arrives as the subject leaves: touches only
      const z = '00000000-0000-0000-0000-000000000000';
      subject = {
        kind: 'contact',
        id: z,
        rootCaseId: z,
        personId: p.X,
        generation: 1,
        window: { start: new Date(mid - DAY), end: new Date(mid + DAY) },
        exclude: [],
      };
    });
    after(async () => db.close());

    type Found = Awaited<ReturnType<typeof findCandidates>>['found'];
    const summary = (found: Found) =>
      [...found]
        .flatMap(([person, list]) =>
          list.map((e) =>
            e.kind === 'checkin'
              ? `${person}|${e.venueId}|${e.via ?? ''}|${e.from}|${e.to}|${e.overlapMinutes}|${e.estimated}`
              : `${person}|${e.kind}`,
          ),
        )
        .sort();

    /** findCandidates with its queries recorded. */
    async function discover(): Promise<{ found: Found; sent: { sql: string; params: readonly Param[] }[] }> {
      const sent: { sql: string; params: readonly Param[] }[] = [];
      const spy: Queryable = {
        query<T>(sql: string, params?: readonly Param[]) {
          sent.push({ sql, params: params ?? [] });
          return db.query<T>(sql, params);
        },
        exec: (sql) => db.exec(sql),
      };
      return { found: (await findCandidates(spy, subject, RULES)).found, sent };
    }

    it('finds the overlaps on both sides of midnight, open check-outs by the default stay, the longest stay', async () => {
      const { found, sent } = await discover();
      const visit = (person: string) => {
        const e = found.get(person)?.[0];
        return e?.kind === 'checkin' ? e : undefined;
      };
      assert.equal(visit(p.A)?.overlapMinutes, 10, 'A left at 23:40');
      assert.equal(visit(p.B)?.overlapMinutes, 30, 'B, no check-out, after midnight');
      assert.equal(visit(p.B)?.estimated, true);
      assert.equal(visit(p.D)?.overlapMinutes, 35, 'D stayed 11 h and left after the subject arrived');
      assert.equal(visit(p.F)?.overlapMinutes, 20, 'F at a stall of the market the subject was at');
      assert.equal(visit(p.F)?.via, 'child');
      for (const k of ['C', 'E', 'G', 'X'] as const) assert.ok(!found.has(p[k]), `${k} is no candidate`);
      // Four round trips: own visits, the points with their family, everyone present, the household.
      assert.equal(sent.length, 4, sent.map((s) => s.sql.slice(0, 60)).join('\n'));
    });

    it('reads the check-ins index-only once the closed days are vacuumed, with the same candidates', async () => {
      const before = summary((await discover()).found);
      const vacuumed = await vacuumClosedCheckinDays(db);
      const day = (t: number) => `checkins_p${new Date(t).toISOString().slice(0, 10).replace(/-/g, '_')}`;
      for (const name of [day(mid - DAY), day(mid)]) assert.ok(vacuumed.includes(name), name);
      assert.ok(!vacuumed.includes(day(Date.now())), 'today is still being written');

      const { found, sent } = await discover();
      assert.deepEqual(summary(found), before);
      const reads = sent.filter((s) => /from checkins\b/.test(s.sql));
      assert.equal(reads.length, 2, 'own visits and everyone present');
      for (const r of reads) {
        // The plan PostgreSQL picks for the real row counts, without the choice of reading a tiny
        // table whole: an index scan either way, index-only when the index carries every column.
        const plan = await db.transaction(async (tx) => {
          await tx.exec('set local enable_seqscan = off; set local enable_bitmapscan = off');
          const rows = await tx.query<{ 'QUERY PLAN': string }>(
            `explain (analyze, costs off, timing off, summary off) ${r.sql}`,
            r.params,
          );
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        });
        const partitions = plan.split('\n').filter((l) => /Scan .*on checkins_p/.test(l));
        assert.ok(partitions.length > 0, plan);
        for (const l of partitions) assert.match(l, /Index Only Scan/, plan);
        const fetched = [...plan.matchAll(/Heap Fetches: (\d+)/g)].map((m) => Number(m[1]));
        assert.ok(fetched.length > 0, plan);
        assert.deepEqual(
          fetched.filter((n) => n > 0),
          [],
          plan,
        );
      }
    });
  });
}
