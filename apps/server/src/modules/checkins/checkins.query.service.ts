import { maskName, maskPhone } from '@phongdich/domain';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { inJurisdiction } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { AppError, fieldError } from '../../core/errors';
import { familyOf, findPerson, citizenPersonId, locationOf } from '../people';
import { findVenue } from '../venues';
import { visitsAtVenue, visitsOfPersons, type PersonVisitRow } from './checkins.query.repository';
import { venueLocation } from './venue-cache';

const DAY_MS = 86_400_000;
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const badCursor = () =>
  new AppError('VALIDATION_FAILED', [
    fieldError('cursor', 'CURSOR_INVALID', 'Con trỏ trang không hợp lệ.', 'Invalid page cursor.'),
  ]);
const encodeCursor = (t: Date, id: string) =>
  Buffer.from(JSON.stringify([t.toISOString(), id])).toString('base64url');
function decodeCursor(c: string): { time: Date; id: string } {
  try {
    const [t, id] = JSON.parse(Buffer.from(c, 'base64url').toString()) as [string, string];
    const time = new Date(t);
    if (!Number.isNaN(time.getTime()) && /^[0-9a-f-]{36}$/.test(id)) return { time, id };
  } catch {
    // fall through
  }
  throw badCursor();
}

const visit = (r: PersonVisitRow, masked: boolean) => ({
  id: r.id,
  personId: r.person_id,
  venueId: masked ? null : r.venue_id,
  venueName: masked ? null : r.venue_name,
  communeCode: r.commune_code,
  districtCode: r.district_code,
  provinceCode: r.province_code,
  method: r.method,
  deviceTime: r.device_time.toISOString(),
  serverTime: r.server_time.toISOString(),
  checkoutTime: iso(r.checkout_time),
});

/** Tracing reads (officers) and the citizen's own list. Every read is audited. */
export function checkinsQueryService(db: Db) {
  return {
    /** Who was at this point between `from` and `to`; people are masked outside the venue's area. */
    async atVenue(
      ctx: AuditContext,
      input: { venueId: string; from: string; to: string; limit?: number; cursor?: string },
    ) {
      authorize(ctx.actor, 'checkin.trace');
      const from = new Date(input.from);
      const to = new Date(input.to);
      if (!(from < to)) throw new AppError('VALIDATION_FAILED');
      const venue = await findVenue(db, input.venueId);
      if (!venue) throw new AppError('VENUE_UNKNOWN');
      const masked = !inJurisdiction(ctx.actor, venueLocation(venue));
      const limit = Math.min(input.limit ?? 100, 500);
      const after = input.cursor ? decodeCursor(input.cursor) : undefined;
      return db.transaction(async (tx) => {
        const rows = await visitsAtVenue(tx, { venueId: venue.id, from, to, after, limit: limit + 1 });
        const page = rows.slice(0, limit);
        await recordAudit(tx, ctx, {
          action: 'checkin.traceVenue',
          details: {
            venueId: venue.id,
            from: from.toISOString(),
            to: to.toISOString(),
            masked,
            personIds: page.map((r) => r.person_id),
          },
        });
        const last = page[page.length - 1];
        return {
          venueId: venue.id,
          venueName: venue.name,
          masked,
          items: page.map((r) => ({
            id: r.id,
            personId: r.person_id,
            fullName: r.full_name === null ? null : masked ? maskName(r.full_name) : r.full_name,
            phones: (r.phones ?? []).map((p) => (masked ? maskPhone(p) : p)),
            birthYear: r.birth_year,
            method: r.method,
            deviceTime: r.device_time.toISOString(),
            serverTime: r.server_time.toISOString(),
            checkoutTime: iso(r.checkout_time),
          })),
          nextCursor: rows.length > limit && last ? encodeCursor(last.server_time, last.id) : null,
        };
      });
    },

    /** Where this person was in the last `days`; only areas and times outside the person's area. */
    async ofPerson(ctx: AuditContext, input: { personId: string; days?: number }) {
      authorize(ctx.actor, 'checkin.trace');
      const person = await findPerson(db, input.personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND');
      const masked = !inJurisdiction(ctx.actor, locationOf(person));
      const days = input.days ?? 14;
      return db.transaction(async (tx) => {
        const rows = await visitsOfPersons(tx, {
          personIds: [person.id],
          since: new Date(Date.now() - days * DAY_MS),
          limit: 1000,
        });
        await recordAudit(tx, ctx, {
          action: 'checkin.tracePerson',
          personId: person.id,
          details: { days, masked, count: rows.length },
        });
        return { personId: person.id, days, masked, items: rows.map((r) => visit(r, masked)) };
      });
    },

    /** The signed-in citizen's check-ins and those of their family, newest first. */
    async mine(ctx: AuditContext, input: { limit?: number; cursor?: string }) {
      authorize(ctx.actor, 'checkin.create');
      const own = await citizenPersonId(db, ctx.actor);
      if (!own) return { items: [], nextCursor: null };
      const ids = [own, ...(await familyOf(db, own)).map((m) => m.id)];
      const limit = Math.min(input.limit ?? 50, 200);
      const before = input.cursor ? decodeCursor(input.cursor) : undefined;
      return db.transaction(async (tx) => {
        const rows = await visitsOfPersons(tx, { personIds: ids, since: new Date(0), before, limit });
        await recordAudit(tx, ctx, {
          action: 'checkin.readOwn',
          personId: own,
          details: { count: rows.length },
        });
        const last = rows[rows.length - 1];
        return {
          items: rows.map((r) => visit(r, false)),
          nextCursor: rows.length === limit && last ? encodeCursor(last.server_time, last.id) : null,
        };
      });
    },
  };
}
