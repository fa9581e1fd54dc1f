/**
 * Given-name searches as officers type them ("van an", "thi hoa", "nguyen hoa"), through the people
 * service's real search path (prefix try, then words anywhere, jurisdiction, masking, audit row), at
 * each level of jurisdiction. Goal (issue #11): p95 < 30 ms at 10 million people. A primary-key
 * lookup runs alternately in the same rounds as a gauge of how loaded the machine is.
 *
 *   DATABASE_URL=postgres://…/perf_people_1m npx tsx bench/perf/people-given-names.ts --rounds 5
 *   BENCH_DATA_DIR=/var/tmp/pd-people npx tsx bench/perf/people-given-names.ts   (after gen-people.ts)
 */
import { openBenchDb } from '../lib/bench-db';
import { percentile } from '../lib/stats';
import { peopleReadService } from '../../apps/server/src/modules/people/people.service';
import type { Actor } from '../../apps/server/src/core/auth/actor';
import { Prng } from '../../apps/server/src/demo/prng';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const rounds = arg('rounds', 5);
const perRound = arg('per-round', 40);

const { db, where } = await openBenchDb();
try {
  const total = (await db.query<{ n: number }>('select count(*)::int8 as n from persons'))[0]?.n ?? 0;
  const sample = await db.query<{
    id: string;
    name_folded: string;
    commune_code: string;
    district_code: string;
    province_code: string;
  }>(
    `select id, name_folded, commune_code, district_code, province_code
       from persons tablesample system (1) repeatable (7) limit 4000`,
  );
  const rng = new Prng(11);
  const pick = () => sample[Math.floor(rng.next() * sample.length)]!;
  const staff = (
    role: Actor extends infer A ? (A extends { role: infer R } ? R : never) : never,
    unit: string | null,
  ) =>
    ({
      kind: 'staff',
      accountId: 'bench',
      role,
      unitCode: unit,
      // As a signed-in officer's session carries it: the area indexes lead with the structure.
      ...(unit ? { unitStructure: 'pre2025' } : {}),
      facilityId: null,
      displayName: 'bench',
    }) as Actor;
  const people = peopleReadService(db);
  const ctx = (actor: Actor) => ({ actor, ip: '127.0.0.1', requestId: 'bench' });
  // What officers type when they only know the given names: middle + given, family + given, or a
  // long given name alone.
  const typed = (name: string): string => {
    const w = name.split(' ');
    const r = rng.next();
    if (r < 0.6 || w.length < 3) return w.slice(-2).join(' ');
    if (r < 0.85) return `${w[0]} ${w[w.length - 1]}`;
    const last = w[w.length - 1]!;
    return last.length >= 3 ? last : w.slice(-2).join(' ');
  };
  const kinds: Record<string, () => Promise<unknown>> = {
    'reference: primary-key lookup': () => db.query('select * from persons where id = $1', [pick().id]),
    'given names, national': () =>
      people.search(ctx(staff('national_admin', null)), { q: typed(pick().name_folded) }),
    'given names, own province': () => {
      const p = pick();
      return people.search(ctx(staff('province_officer', p.province_code)), { q: typed(p.name_folded) });
    },
    'given names, own district': () => {
      const p = pick();
      return people.search(ctx(staff('district_officer', p.district_code)), { q: typed(p.name_folded) });
    },
    'given names, own commune': () => {
      const p = pick();
      return people.search(ctx(staff('commune_officer', p.commune_code)), { q: typed(p.name_folded) });
    },
  };
  const times: Record<string, number[]> = {};
  const roundP95: Record<string, number[]> = {};
  // Warm every kind once, then alternate kinds request by request in each round.
  for (const fn of Object.values(kinds)) for (let i = 0; i < 5; i++) await fn();
  for (let r = 0; r < rounds; r++) {
    const inRound: Record<string, number[]> = {};
    for (let i = 0; i < perRound; i++) {
      for (const [k, fn] of Object.entries(kinds)) {
        const t = performance.now();
        await fn();
        (inRound[k] ??= []).push(performance.now() - t);
      }
    }
    for (const [k, v] of Object.entries(inRound)) {
      (times[k] ??= []).push(...v);
      (roundP95[k] ??= []).push(
        percentile(
          [...v].sort((a, b) => a - b),
          95,
        ),
      );
    }
  }
  console.log(`database: ${where}; people: ${total.toLocaleString('en')}; ${rounds} rounds × ${perRound}`);
  const f = (x: number) => x.toFixed(1).padStart(7);
  for (const [k, v] of Object.entries(times)) {
    const s = [...v].sort((a, b) => a - b);
    const rp = [...roundP95[k]!].sort((a, b) => a - b);
    console.log(
      `${k.padEnd(32)} p50=${f(percentile(s, 50))} p95=${f(percentile(s, 95))} p99=${f(percentile(s, 99))} max=${f(
        s[s.length - 1]!,
      )} ms  | p95 per round: median ${f(rp[Math.floor(rp.length / 2)]!)} range ${f(rp[0]!)}–${f(rp[rp.length - 1]!).trim()} ms`,
    );
  }
} finally {
  await db.close();
}
