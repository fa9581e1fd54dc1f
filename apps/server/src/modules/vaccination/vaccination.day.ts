import { doseEligibility, seriesState } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { catalogueInForce } from './vaccination.catalogue';
import { assertSiteReach, findSite } from './vaccination.reach';

const OBSERVATION_MS = 30 * 60_000;

/**
 * A site's day: who is booked, who came, who was vaccinated in the last 30 minutes (the observation
 * list) and who in the site's commune is due for a next dose by the schedule. One audit entry per
 * person shown.
 */
export function dayService(db: Db) {
  return {
    async day(ctx: AuditContext, siteId: string, date: string) {
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
      }>(
        `select b.id::text, b.person_id::text, p.full_name, p.birth_year, b.status, sl.starts_at
         from vaccination_bookings b join vaccination_slots sl on sl.id = b.slot_id join persons p on p.id = b.person_id
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
      }>(
        `select d.id::text, d.person_id::text, p.full_name, d.dose_number, d.product_mp, d.administered_at
         from vaccination_doses d join persons p on p.id = d.person_id
         where d.site_id = $1 and d.status = 'active' and d.administered_at > $2 order by d.administered_at`,
        [site.id, new Date(now - OBSERVATION_MS)],
      );
      // People of the commune with a dose on record; those whose next dose is due by the day are listed.
      const history = await db.query<{
        person_id: string;
        full_name: string;
        birth_date: string | null;
        birth_year: number;
        doses: { mp: string; at: string }[];
      }>(
        `select p.id::text as person_id, p.full_name, p.birth_date::text as birth_date, p.birth_year,
           json_agg(json_build_object('mp', d.product_mp, 'at', d.administered_at) order by d.dose_number) as doses
         from vaccination_doses d join persons p on p.id = d.person_id
         where p.commune_code = $1 and d.status = 'active' and d.disease = 'covid-19'
         group by p.id, p.full_name, p.birth_date, p.birth_year limit 5000`,
        [site.commune_code],
      );
      const catalogue = await catalogueInForce(db, 'covid-19', new Date());
      const endOfDay = new Date(`${date}T23:59:59+07:00`);
      const due = history
        .map((h) => {
          const doses = h.doses.map((d) => ({ mp: d.mp, at: new Date(d.at).toISOString() }));
          const last = doses[doses.length - 1]!;
          const state = seriesState(catalogue, doses);
          // The next dose of the series is of the same product; a booster of the first allowed one.
          const mp = state.primaryComplete
            ? (catalogue.boosters[state.boosters]?.products[0] ?? last.mp)
            : doses[0]!.mp;
          const e = doseEligibility({
            catalogue,
            history: doses,
            birth: { date: h.birth_date, year: h.birth_year },
            mp,
            at: endOfDay,
          });
          return e.eligible
            ? {
                personId: h.person_id,
                fullName: h.full_name,
                doseNumber: e.doseNumber,
                kind: e.kind,
                since: e.earliest,
              }
            : null;
        })
        .filter((x) => x !== null)
        .slice(0, 500);
      const shown = new Set([
        ...bookings.map((b) => b.person_id),
        ...observed.map((o) => o.person_id),
        ...due.map((d) => d.personId),
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
        })),
        observation: observed.map((o) => ({
          doseId: o.id,
          personId: o.person_id,
          fullName: o.full_name,
          doseNumber: o.dose_number,
          productMp: o.product_mp,
          administeredAt: o.administered_at.toISOString(),
          observeUntil: new Date(o.administered_at.getTime() + OBSERVATION_MS).toISOString(),
        })),
        due,
      };
    },
  };
}
