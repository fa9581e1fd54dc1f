import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { runIdempotent, idempotencyScope } from '../../core/http/idempotency';
import { citizenAccount, sendMessage } from './vaccination.deps';
import { assertActsFor, ownAndFamily } from './vaccination.people';
import { bookingSms } from './vaccination.sms';

interface SlotRow {
  id: string;
  site_id: string;
  site_name: string;
  site_kind: string;
  commune_code: string;
  district_code: string | null;
  campaign_name: string;
  products: string[];
  starts_at: Date;
  ends_at: Date;
  capacity: number;
  booked: number;
}

const slotView = (r: SlotRow) => ({
  id: r.id,
  siteId: r.site_id,
  siteName: r.site_name,
  siteKind: r.site_kind,
  communeCode: r.commune_code,
  campaignName: r.campaign_name,
  products: r.products,
  startsAt: r.starts_at.toISOString(),
  endsAt: r.ends_at.toISOString(),
  capacity: r.capacity,
  free: r.capacity - r.booked,
});

const SLOT_SELECT = `select sl.id::text, sl.site_id::text, s.name as site_name, s.kind as site_kind, s.commune_code, s.district_code,
    c.name as campaign_name, c.products, sl.starts_at, sl.ends_at, sl.capacity, sl.booked
  from vaccination_slots sl join vaccination_sites s on s.id = sl.site_id join vaccination_campaigns c on c.id = sl.campaign_id`;

export function bookingsService(db: Db) {
  return {
    /** Slots with room from now on, near a unit the citizen names (their district by default is the web's choice). */
    async openSlots(ctx: AuditContext, area: { communeCode?: string; districtCode?: string }) {
      authorize(ctx.actor, 'vaccination.book');
      // The code the citizen names is a unit of the deployment's map: a site on another map with the
      // same code is another place.
      const where = area.communeCode
        ? `s.commune_code = $1 and s.unit_structure = ${DEPLOYMENT_STRUCTURE_SQL}`
        : area.districtCode
          ? `s.district_code = $1 and s.unit_structure = ${DEPLOYMENT_STRUCTURE_SQL}`
          : '$1::text is null';
      const rows = await db.query<SlotRow>(
        `${SLOT_SELECT} where ${where} and sl.starts_at > now() and sl.booked < sl.capacity
         order by sl.starts_at, s.name limit 100`,
        [area.communeCode ?? area.districtCode ?? null],
      );
      return rows.map(slotView);
    },

    /**
     * Books a slot for the citizen or a family member. The slot's count is raised in one conditional
     * statement (`booked < capacity`): concurrent bookings queue on the slot's row and the last seat
     * goes to one of them only; the check constraint is the backstop.
     */
    async book(ctx: AuditContext, input: { slotId: string; personId: string }, idempotencyKey?: string) {
      authorize(ctx.actor, 'vaccination.book');
      const who = await assertActsFor(db, ctx, input.personId);
      const res = await runIdempotent(
        db,
        {
          scope: idempotencyScope('vaccination.book', ctx.actor),
          key: idempotencyKey,
          body: input,
          status: 201,
        },
        async (tx) => {
          const taken = await tx.query<{ id: string }>(
            `update vaccination_slots set booked = booked + 1
             where id = $1 and booked < capacity and starts_at > now() returning id::text`,
            [input.slotId],
          );
          const slot = (await tx.query<SlotRow>(`${SLOT_SELECT} where sl.id = $1`, [input.slotId]))[0];
          if (!slot) throw new AppError('VACCINATION_SLOT_NOT_FOUND');
          if (!taken.length) {
            if (slot.starts_at.getTime() <= Date.now()) throw new AppError('VACCINATION_SLOT_PAST');
            throw new AppError('VACCINATION_SLOT_FULL');
          }
          const inserted = await tx.query<{ id: string }>(
            `insert into vaccination_bookings (slot_id, site_id, person_id, booked_by_account_id)
             values ($1, $2, $3, $4) on conflict do nothing returning id::text`,
            [slot.id, slot.site_id, input.personId, ctx.actor.kind === 'citizen' ? ctx.actor.accountId : ''],
          );
          if (!inserted.length) throw new AppError('VACCINATION_ALREADY_BOOKED');
          const id = inserted[0]!.id;
          const code = id.slice(0, 6).toUpperCase();
          const account =
            ctx.actor.kind === 'citizen' ? await citizenAccount(tx, ctx.actor.accountId) : undefined;
          if (account?.phone)
            await sendMessage(tx, {
              channel: 'sms',
              to: account.phone,
              subject: 'vaccination.booking',
              body: bookingSms({
                startsAt: slot.starts_at,
                siteName: slot.site_name,
                code,
                forFamily: !who.self,
              }),
            });
          await recordAudit(tx, ctx, {
            action: 'vaccination.book',
            personId: input.personId,
            details: { slotId: slot.id, bookingId: id },
          });
          return {
            id,
            code,
            personId: input.personId,
            personName: who.name,
            status: 'booked' as const,
            slot: slotView({ ...slot, booked: slot.booked }),
          };
        },
      );
      return res;
    },

    /** The citizen's and their family's bookings still ahead, and past ones of the last 30 days. */
    async mine(ctx: AuditContext) {
      authorize(ctx.actor, 'vaccination.readOwn');
      const people = await ownAndFamily(db, ctx);
      if (!people.length) return [];
      const rows = await db.query<SlotRow & { booking_id: string; person_id: string; status: string }>(
        `select b.id::text as booking_id, b.person_id::text, b.status, x.* from vaccination_bookings b
           join (${SLOT_SELECT}) x on x.id = b.slot_id::text
         where b.person_id = any($1::uuid[]) and b.status <> 'cancelled' and x.starts_at > now() - interval '30 days'
         order by x.starts_at`,
        [people.map((p) => p.id)],
      );
      await recordAudit(db, ctx, {
        action: 'vaccination.bookings.readOwn',
        details: { bookings: rows.length },
      });
      return rows.map((r) => ({
        id: r.booking_id,
        code: r.booking_id.slice(0, 6).toUpperCase(),
        personId: r.person_id,
        personName: people.find((p) => p.id === r.person_id)?.name ?? '',
        status: r.status,
        slot: slotView(r),
      }));
    },
  };
}
