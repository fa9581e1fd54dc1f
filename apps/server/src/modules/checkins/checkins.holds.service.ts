import type { CheckinHoldInput, CheckinHoldQuery } from '@phongdich/contracts/checkins';
import type { AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import type { Db, Queryable } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { assertHoldRules } from '../../core/holds';
import { auditHoldRead, holdJson, placeHold, releaseHold } from '../../core/holds.kind';
import { findPerson, locationOf } from '../people';
import { findVenue } from '../venues';
import {
  CHECKIN_HOLDS,
  insertCheckinHold,
  listCheckinHolds,
  type CheckinHoldRow,
} from './checkins.holds.repository';
import { venueLocation } from './venue-cache';

type Subject = { personId: string; venueId?: never } | { venueId: string; personId?: never };

export const toCheckinHold = (r: CheckinHoldRow) => ({
  ...holdJson(r),
  venueId: r.venue_id,
  venueName: r.venue_name,
  from: r.from_time.toISOString(),
  to: r.to_time.toISOString(),
});
export type CheckinHold = ReturnType<typeof toCheckinHold>;

function validInput(input: CheckinHoldInput) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  const until = new Date(input.until);
  assertHoldRules({ until, reason: input.reason, range: { from, to } });
  return { from, to, until, reason: input.reason.trim() };
}

/** Loads the person or point held and checks it lies in the actor's area (404 if unknown, 403 outside). */
async function subjectLocation(q: Queryable, actor: Actor, s: Subject) {
  if (s.personId) {
    const person = await findPerson(q, s.personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    authorize(actor, 'checkin.hold', locationOf(person));
  } else {
    const venue = await findVenue(q, s.venueId!);
    if (!venue) throw new AppError('VENUE_NOT_FOUND');
    authorize(actor, 'checkin.hold', venueLocation(venue));
  }
}

/**
 * Investigation holds on check-ins: a person's, or a point's, in a time range, kept past retention
 * until a date (retention.ts honours them). Placing, releasing and reading holds on a person are audited.
 */
export function checkinHoldsService(db: Db) {
  return {
    /** Idempotency-Key supported: a retry answers the stored hold instead of placing a second one. */
    async place(ctx: AuditContext, subject: Subject, input: CheckinHoldInput, key: string | undefined) {
      authorize(ctx.actor, 'checkin.hold');
      const h = validInput(input);
      const route = subject.personId
        ? `POST /api/people/${subject.personId}/checkin-holds`
        : `POST /api/venues/${subject.venueId}/checkin-holds`;
      return placeHold(db, CHECKIN_HOLDS, ctx, {
        route,
        key,
        body: input,
        reason: h.reason,
        locate: (tx) => subjectLocation(tx, ctx.actor, subject),
        insert: (tx, accountId) =>
          insertCheckinHold(tx, {
            personId: subject.personId ?? null,
            venueId: subject.venueId ?? null,
            ...h,
            accountId,
          }),
        details: (row) => ({
          venueId: row.venue_id,
          from: h.from.toISOString(),
          to: h.to.toISOString(),
          until: h.until.toISOString(),
        }),
        toJson: toCheckinHold,
      });
    },

    /** A person's or a point's holds, or, with neither, every hold in the actor's area. Newest first. */
    async list(ctx: AuditContext, query: CheckinHoldQuery): Promise<{ items: CheckinHold[] }> {
      authorize(ctx.actor, 'checkin.hold');
      const { personId, venueId, active } = query;
      if (personId && venueId) {
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'venueId',
            'ONE_SUBJECT',
            'Chọn một người hoặc một điểm, không chọn cả hai.',
            'Give a person or a point, not both.',
          ),
        ]);
      }
      const limit = query.limit ?? 100;
      return db.transaction(async (tx) => {
        if (personId) await subjectLocation(tx, ctx.actor, { personId });
        else if (venueId) await subjectLocation(tx, ctx.actor, { venueId });
        const within = personId || venueId ? undefined : ctx.actor;
        const rows = await listCheckinHolds(tx, { personId, venueId, active, within, limit });
        await auditHoldRead(tx, CHECKIN_HOLDS, ctx, rows, { personId });
        return { items: rows.map(toCheckinHold) };
      });
    },

    /** Ends a hold now, keeping its row; releasing an ended hold changes nothing. */
    async release(ctx: AuditContext, id: string, reason?: string): Promise<CheckinHold> {
      return releaseHold(db, CHECKIN_HOLDS, ctx, id, reason, toCheckinHold);
    },
  };
}
