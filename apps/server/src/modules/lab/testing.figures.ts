import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { TestingFiguresQuery, TestingFiguresSchema } from '@phongdich/contracts/lab';
import type { Db, Queryable } from '../../core/db/db';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { findUnit } from '../geo';
import { NOWHERE, type Location } from '../../core/auth/jurisdiction';
import { deploymentStructure } from '../../core/units/deployment';
import { auditContext } from '../../core/http/request-audit';
import { samplingFigures } from '../sampling';

type Level = 'province' | 'district' | 'commune';
const COLUMN: Record<Level, string> = {
  province: 'province_code',
  district: 'district_code',
  commune: 'commune_code',
};
const LEVEL_OF_UNIT: Record<number, Level> = { 1: 'province', 2: 'district', 3: 'commune' };
const DEPTH: Record<Level, number> = { province: 1, district: 2, commune: 3 };

// Days and hours in Vietnam time; turnaround = sample collected → result released.
const MEASURES = `count(*)::int as taken,
  count(*) filter (where t.status = 'in_transit')::int as in_transit,
  count(*) filter (where t.status in ('received', 'resulted') and (r.status is null or r.status = 'entered'))::int as pending,
  count(*) filter (where r.status = 'released')::int as resulted,
  count(*) filter (where r.status = 'released' and r.result = 'positive')::int as positives,
  count(*) filter (where r.status = 'released' and not m.pool)::int as single_resulted,
  count(*) filter (where r.status = 'released' and r.result = 'positive' and not m.pool)::int as single_positives,
  count(*) filter (where r.status = 'released' and m.pool)::int as pool_resulted,
  count(*) filter (where r.status = 'released' and r.result = 'positive' and m.pool)::int as pool_positives,
  percentile_cont(0.5) within group (order by extract(epoch from r.released_at - t.collected_at) / 3600)
    filter (where r.status = 'released') as tat_p50,
  percentile_cont(0.9) within group (order by extract(epoch from r.released_at - t.collected_at) / 3600)
    filter (where r.status = 'released') as tat_p90`;

interface MeasureRow {
  taken: number;
  in_transit: number;
  pending: number;
  resulted: number;
  positives: number;
  single_resulted: number;
  single_positives: number;
  pool_resulted: number;
  pool_positives: number;
  tat_p50: number | null;
  tat_p90: number | null;
}
const rate = (n: number, of: number) => (of ? Math.round((n / of) * 10000) / 10000 : null);
// A positive pool is not a case and a pool holds several people: its positivity is a different figure
// from that of individual tubes, so the two are reported apart (issue #7 §3).
// A tube is a pool when it holds more than one person (as at release), whatever the session's setting.
const POOL_JOIN = `left join lateral (select count(*) > 1 as pool from tube_member_brief tm where tm.barcode = t.barcode) m on true`;
const measures = (r: MeasureRow) => ({
  samplesTaken: r.taken,
  inTransit: r.in_transit,
  pending: r.pending,
  resulted: r.resulted,
  positives: r.positives,
  positivityRate: rate(r.positives, r.resulted),
  individual: {
    resulted: r.single_resulted,
    positives: r.single_positives,
    positivityRate: rate(r.single_positives, r.single_resulted),
  },
  pools: {
    resulted: r.pool_resulted,
    positives: r.pool_positives,
    positivityRate: rate(r.pool_positives, r.pool_resulted),
  },
  turnaroundP50Hours: r.tat_p50 === null ? null : Math.round(Number(r.tat_p50) * 10) / 10,
  turnaroundP90Hours: r.tat_p90 === null ? null : Math.round(Number(r.tat_p90) * 10) / 10,
});

async function areaOf(q: Queryable, actor: Actor, unitCode: string | undefined) {
  const code = unitCode ?? (actor.kind === 'staff' || actor.kind === 'machine' ? actor.unitCode : null);
  if (!code) return null; // national
  // The unit on the deployment's map, its level as recorded (a 2025 commune has no district; the
  // code's length says nothing about the level there).
  const structure = await deploymentStructure(q);
  const unit = await findUnit(q, structure, code);
  const level = unit && LEVEL_OF_UNIT[unit.level];
  if (!unit || !level) throw new AppError('UNIT_NOT_FOUND');
  const loc: Location = {
    provinceCode: unit.provinceCode,
    districtCode: level === 'province' ? null : level === 'district' ? code : unit.districtCode,
    communeCode: level === 'commune' ? code : null,
    structure,
  };
  return { code, level, structure, loc };
}

/** Per unit and day, and per lab: samples taken, in transit, pending, resulted, positivity and turnaround. */
export async function testingFigures(
  q: Queryable,
  actor: Actor,
  f: { level?: Level; unitCode?: string; from: string; to: string },
) {
  authorize(actor, 'testing.figures');
  const area = await areaOf(q, actor, f.unitCode);
  if (area) authorize(actor, 'testing.figures', area.loc);
  else authorize(actor, 'testing.figures', NOWHERE);
  const level =
    f.level ??
    (area ? (['province', 'district', 'commune'] as const)[Math.min(DEPTH[area.level], 2)]! : 'province');
  if (area && DEPTH[level] < DEPTH[area.level])
    throw new AppError('VALIDATION_FAILED', undefined, 'level above the unit');
  const where = `t.collected_at >= ($1::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    and t.collected_at < ($2::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
    ${area ? `and t.unit_structure = '${area.structure}' and t.${COLUMN[area.level]} = $3` : ''}`;
  const params = area ? [f.from, f.to, area.code] : [f.from, f.to];
  const byUnit = await q.query<MeasureRow & { unit_code: string | null; day: string }>(
    `select t.${COLUMN[level]} as unit_code, (t.collected_at at time zone 'Asia/Ho_Chi_Minh')::date::text as day, ${MEASURES}
     from tube_brief t left join lab_results r on r.barcode = t.barcode ${POOL_JOIN}
     where ${where} group by 1, 2 order by 2, 1`,
    params,
  );
  const byLab = await q.query<MeasureRow & { lab_id: string | null; lab_name: string | null }>(
    `select t.lab_id::text as lab_id, l.name as lab_name, ${MEASURES}
     from tube_brief t left join lab_results r on r.barcode = t.barcode left join labs l on l.id = t.lab_id ${POOL_JOIN}
     where ${where} and t.lab_id is not null group by 1, 2 order by 2`,
    params,
  );
  // People sampled (a pool of 5 counts 5) come from the sampling module's figures.
  const sampled = new Map(
    (await samplingFigures(q, { level, unitCode: area?.code ?? null, from: f.from, to: f.to })).map((s) => [
      `${s.unitCode}|${s.day}`,
      s.samplesTaken,
    ]),
  );
  return {
    level,
    unitCode: area?.code ?? null,
    rows: byUnit.map((r) => ({
      unitCode: r.unit_code,
      day: r.day,
      ...measures(r),
      tubes: r.taken,
      peopleSampled: sampled.get(`${r.unit_code}|${r.day}`) ?? 0,
    })),
    labs: byLab.map((r) => ({ labId: r.lab_id, labName: r.lab_name, ...measures(r) })),
  };
}

export function testingFiguresRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/testing/figures',
    {
      schema: {
        tags: ['lab'],
        summary: 'Số liệu xét nghiệm theo địa bàn, ngày và phòng / Testing figures by area, day and lab',
        querystring: TestingFiguresQuery,
        response: { 200: TestingFiguresSchema },
      },
    },
    async (request) => testingFigures(db, auditContext(request).actor, request.query),
  );
}
