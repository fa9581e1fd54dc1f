import type { DayList } from '@phongdich/contracts/vaccination';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { duePage } from './vaccination.due';
import { assertSiteReach, findSite } from './vaccination.reach';

const OBSERVATION_MS = 30 * 60_000;
/** The site's screen keeps a person whose 30 minutes ended on the list a little longer, marked "may leave". */
const SHOWN_AFTER_MS = 30 * 60_000;

/**
 * A site's day: who is booked and who came, who is under observation after a dose (with any reaction
 * reported since), and the first page of who in the site's commune is due for a next dose by the
 * schedule. One audit entry per person shown.
 */
export function dayService(db: Db) {
  return {
    async day(ctx: AuditContext, siteId: string, date: string): Promise<DayList> {
      authorize(ctx.actor, 'vaccination.site.read');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      const bookings = await db.query<{
        id: string;
        person_id: string;
        full_name: string;
        birth_year: number;
        status: string;
        starts_at: Date;
        arrived_at: Date | null;
        vaccinated: boolean;
      }>(
        `select b.id::text, b.person_id::text, p.full_name, p.birth_year, b.status, sl.starts_at, b.arrived_at,
           exists (select 1 from vaccination_doses d where d.person_id = b.person_id and d.site_id = b.site_id
             and d.status = 'active' and d.administered_on = $2::date) as vaccinated
         from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id join person_brief p on p.id = b.person_id
         where b.site_id = $1 and b.status <> 'cancelled'
           and sl.starts_at >= ($2::date)::timestamp at time zone 'Asia/Ho_Chi_Minh'
           and sl.starts_at < ($2::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'
         order by sl.starts_at, p.full_name limit 1000`,
        [site.id, date],
      );
      const now = Date.now();
      const observed = await db.query<{
        id: string;
        person_id: string;
        full_name: string;
        dose_number: number;
        product_mp: string;
        administered_at: Date;
        reaction: 'mild' | 'moderate' | 'serious' | null;
      }>(
        `select d.id::text, d.person_id::text, p.full_name, d.dose_number, d.product_mp, d.administered_at,
           (select a.severity from vaccination_adverse_events a where a.person_id = d.person_id
              and (a.dose_id = d.id or (a.dose_id is null and a.created_at >= d.administered_at))
            order by case a.severity when 'serious' then 0 when 'moderate' then 1 else 2 end limit 1) as reaction
         from vaccination_doses d join person_brief p on p.id = d.person_id
         where d.site_id = $1 and d.status = 'active' and d.administered_at > $2 order by d.administered_at`,
        [site.id, new Date(now - OBSERVATION_MS - SHOWN_AFTER_MS)],
      );
      const due = await duePage(db, site, date);
      const shown = new Set([
        ...bookings.map((b) => b.person_id),
        ...observed.map((o) => o.person_id),
        ...due.items.map((d) => d.personId),
      ]);
      await db.transaction(async (tx) => {
        for (const personId of shown)
          await recordAudit(tx, ctx, {
            action: 'vaccination.dayList.read',
            personId,
            details: { siteId: site.id, date },
          });
      });
      return {
        site: { id: site.id, name: site.name },
        date,
        booked: bookings.map((b) => ({
          bookingId: b.id,
          personId: b.person_id,
          fullName: b.full_name,
          birthYear: b.birth_year,
          status: b.status,
          startsAt: b.starts_at.toISOString(),
          arrivedAt: b.arrived_at?.toISOString() ?? null,
          vaccinated: b.vaccinated,
        })),
        observation: observed.map((o) => {
          const until = o.administered_at.getTime() + OBSERVATION_MS;
          return {
            doseId: o.id,
            personId: o.person_id,
            fullName: o.full_name,
            doseNumber: o.dose_number,
            productMp: o.product_mp,
            administeredAt: o.administered_at.toISOString(),
            observeUntil: new Date(until).toISOString(),
            mayLeave: until <= now && o.reaction === null,
            reaction: o.reaction,
          };
        }),
        due: due.items,
        dueNext: due.next,
      };
    },

    /** Further pages of who is due (the day list carries the first). Audited per person shown. */
    async due(ctx: AuditContext, siteId: string, q: { date: string; after?: string; limit?: number }) {
      authorize(ctx.actor, 'vaccination.site.read');
      const site = await findSite(db, siteId);
      assertSiteReach(ctx, site);
      const page = await duePage(db, site, q.date, q);
      await db.transaction(async (tx) => {
        for (const d of page.items)
          await recordAudit(tx, ctx, {
            action: 'vaccination.dueList.read',
            personId: d.personId,
            details: { siteId: site.id, date: q.date },
          });
      });
      return page;
    },

    /**
     * The person with a booking came: marked by the site's staff from the day list. Marking twice is
     * the same arrival (the first time is kept).
     */
    async arrive(ctx: AuditContext, bookingId: string) {
      authorize(ctx.actor, 'vaccination.administer');
      const rows = await db.query<{ site_id: string }>(
        'select site_id::text from vaccination_bookings where id = $1',
        [bookingId],
      );
      if (!rows[0]) throw new AppError('VACCINATION_BOOKING_NOT_FOUND');
      assertSiteReach(ctx, await findSite(db, rows[0].site_id));
      return db.transaction(async (tx) => {
        const b = (
          await tx.query<{ person_id: string; status: string; arrived_at: Date | null }>(
            `select person_id::text, status, arrived_at from vaccination_bookings where id = $1 for update`,
            [bookingId],
          )
        )[0]!;
        if (b.status === 'cancelled') throw new AppError('VACCINATION_BOOKING_CANCELLED');
        const duplicate = b.arrived_at !== null;
        const arrivedAt = duplicate
          ? b.arrived_at!
          : (
              await tx.query<{ arrived_at: Date }>(
                `update vaccination_bookings set status = 'arrived', arrived_at = now(), arrived_by_account_id = $2
                 where id = $1 returning arrived_at`,
                [bookingId, ctx.actor.kind === 'anonymous' ? '' : ctx.actor.accountId],
              )
            )[0]!.arrived_at;
        if (!duplicate)
          await recordAudit(tx, ctx, {
            action: 'vaccination.booking.arrive',
            personId: b.person_id,
            details: { bookingId },
          });
        return {
          bookingId,
          personId: b.person_id,
          status: 'arrived',
          arrivedAt: arrivedAt.toISOString(),
          duplicate,
        };
      });
    },
  };
}
