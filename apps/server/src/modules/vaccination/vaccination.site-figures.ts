import type { SiteFigures } from '@phongdich/contracts/vaccination';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { assertSiteReach, findSite } from './vaccination.reach';
import { lotsOf } from './vaccination.sites';

/** A site's doses per day (its own index range, never all doses) and how much of each lot was used. */
export function siteFiguresService(db: Db) {
  return {
    async read(ctx: AuditContext, siteId: string, q: { from: string; to: string }): Promise<SiteFigures> {
      authorize(ctx.actor, 'vaccination.site.read');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      if (q.to < q.from || Date.parse(q.to) - Date.parse(q.from) > 366 * 864e5)
        throw new AppError('VALIDATION_FAILED', [
          {
            field: 'to',
            code: 'range',
            message: { vi: 'Khoảng ngày không hợp lệ (tối đa 1 năm)', en: 'Bad date range (a year at most)' },
          },
        ]);
      const days = await db.query<{ day: string; n: number }>(
        `select administered_on::text as day, count(*)::int as n from vaccination_doses
         where site_id = $1 and status = 'active'
           and administered_at >= ($2::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
           and administered_at < ($3::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
         group by administered_on order by administered_on`,
        [site.id, q.from, q.to],
      );
      await recordAudit(db, ctx, { action: 'vaccination.site.figures', details: { siteId: site.id } });
      return {
        site: { id: site.id, name: site.name },
        days: days.map((d) => ({ date: d.day, doses: d.n })),
        lots: (await lotsOf(db, site.id, true)).map((l) => ({ ...l, used: l.quantity - l.remaining })),
      };
    },
  };
}
