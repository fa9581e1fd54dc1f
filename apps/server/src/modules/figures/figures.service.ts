import type { Db } from '../../core/db/db';
import { NOWHERE } from '../../core/auth/jurisdiction';
import type { AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { findUnitRef } from '../geo';
import { venueForActor } from '../venues';
import type {
  FigureLevel,
  FiguresQuery,
  FiguresRangeQuery,
  FiguresResult,
} from '@phongdich/contracts/figures';
import { figureRows, type FigureArea } from './figures.repository';
import { addDays, ensureFreshCounts, vnDay } from './figures.rollup';

export type { FiguresQuery, FiguresResult };

const MAX_DAYS = 92;
const LEVEL_DEPTH: Record<FigureLevel, number> = { province: 1, district: 2, commune: 3, venue: 4 };
const AREA_COLUMN = { 1: 'province_code', 2: 'district_code', 3: 'commune_code' } as const;

/** Default: the last 7 days; at most MAX_DAYS, in order. */
function dayRange(q: { from?: string; to?: string }, now: Date): { from: string; to: string } {
  const to = q.to ?? vnDay(now);
  const from = q.from ?? addDays(to, -6);
  if (from > to || addDays(from, MAX_DAYS - 1) < to) {
    assertNoFieldErrors([
      fieldError(
        'from',
        'DAY_RANGE',
        `Khoảng ngày không hợp lệ (tối đa ${MAX_DAYS} ngày).`,
        `Invalid day range (at most ${MAX_DAYS} days).`,
      ),
    ]);
  }
  return { from, to };
}

/** Figures of check-in points: officers for their area and below, owners for their own points. */
export function figuresService(db: Db) {
  return {
    async checkins(ctx: AuditContext, query: FiguresQuery, now = new Date()): Promise<FiguresResult> {
      const { actor } = ctx;
      authorize(actor, 'stats.readAggregates');
      const staffUnit = actor.kind === 'staff' || actor.kind === 'machine' ? actor.unitCode : null;
      const code = query.unitCode ?? staffUnit;
      const { from, to } = dayRange(query, now);
      let area: FigureArea = null;
      let unitName: string | null = null;
      if (code) {
        const unit = await findUnitRef(db, code);
        if (!unit) throw new AppError('UNIT_NOT_FOUND');
        authorize(actor, 'stats.readAggregates', unit.location);
        if (LEVEL_DEPTH[query.level] < unit.level) {
          assertNoFieldErrors([
            fieldError(
              'level',
              'LEVEL_ABOVE_UNIT',
              'Cấp thống kê phải thấp hơn đơn vị.',
              'Level must be below the unit.',
            ),
          ]);
        }
        if (query.level === 'district' && unit.structure === '2025') {
          // The 2025 map has no districts: its figures roll up commune → province.
          assertNoFieldErrors([
            fieldError(
              'level',
              'LEVEL_NOT_ON_MAP',
              'Bản đồ 2025 không có cấp huyện.',
              'The 2025 map has no district level.',
            ),
          ]);
        }
        area = { column: AREA_COLUMN[unit.level as 1 | 2 | 3], code, structure: unit.structure };
        unitName = unit.name;
      } else {
        // No unit: the whole country, for national accounts only.
        authorize(actor, 'stats.readAggregates', NOWHERE);
      }
      await ensureFreshCounts(db, from, to, now);
      return {
        level: query.level,
        unitCode: code,
        unitName,
        from,
        to,
        rows: await figureRows(db, { level: query.level, area, from, to }),
      };
    },

    /** A point's own figures (with its stalls or vehicles), for its owner, staff and officers. */
    async venue(
      ctx: AuditContext,
      venueId: string,
      query: FiguresRangeQuery,
      now = new Date(),
    ): Promise<FiguresResult> {
      const { venue } = await venueForActor(db, ctx.actor, venueId);
      const { from, to } = dayRange(query, now);
      await ensureFreshCounts(db, from, to, now);
      const rows = await figureRows(db, { level: 'venue', area: { venueId }, from, to });
      return { level: 'venue', unitCode: venue.id, unitName: venue.name, from, to, rows };
    },
  };
}
