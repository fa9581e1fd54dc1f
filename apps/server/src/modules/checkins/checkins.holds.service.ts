import type { FieldError } from '@phongdich/contracts';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { canAt, authorize } from '../../core/auth/policy';
import type { Db, Queryable } from '../../core/db/db';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { holdRangeErrors, holdReasonError, holdUntilError } from '../../core/holds';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { findPerson, locationOf } from '../people';
import { findVenue } from './checkins.repository';
import {
  findCheckinHold,
  insertCheckinHold,
  listCheckinHolds,
  personLocationOf,
  releaseCheckinHold,
  venueLocationOf,
  type CheckinHoldRow,
} from './checkins.holds.repository';
import { venueLocation } from './venue-cache';

export interface HoldInput {
  from: string;
  to: string;
  until: string;
  reason: string;
}
export interface HoldQuery {
  personId?: string;
  venueId?: string;
  active?: boolean;
  limit?: number;
}
type Subject = { personId: string; venueId?: never } | { venueId: string; personId?: never };

export const toCheckinHold = (r: CheckinHoldRow) => ({
  id: r.id,
  personId: r.person_id,
  venueId: r.venue_id,
  venueName: r.venue_name,
  personCommuneName: r.person_commune_name,
  from: r.from_time.toISOString(),
  to: r.to_time.toISOString(),
  heldUntil: r.held_until.toISOString(),
  reason: r.reason,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  releasedAt: r.released_at?.toISOString() ?? null,
  releasedByName: r.released_by_name,
});
export type CheckinHold = ReturnType<typeof toCheckinHold>;

function validInput(input: HoldInput) {
  const from = new Date(input.from);
  const to = new Date(input.to);
  const until = new Date(input.until);
  const errors = [...holdRangeErrors(from, to), holdUntilError(until), holdReasonError(input.reason)];
  assertNoFieldErrors(errors.filter((e): e is FieldError => !!e));
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

/** Is the hold's person or point in the actor's area? */
function inReach(actor: Actor, r: CheckinHoldRow): boolean {
  return [personLocationOf(r), venueLocationOf(r)].some((loc) => !!loc && canAt(actor, 'checkin.hold', loc));
}

/**
 * Investigation holds on check-ins: a person's, or a point's, in a time range, kept past retention
 * until a date (retention.ts honours them). Placing, releasing and reading holds on a person are audited.
 */
export function checkinHoldsService(db: Db) {
  return {
    /** Idempotency-Key supported: a retry answers the stored hold instead of placing a second one. */
    async place(ctx: AuditContext, subject: Subject, input: HoldInput, key: string | undefined) {
      authorize(ctx.actor, 'checkin.hold');
      const h = validInput(input);
      const route = subject.personId
        ? `POST /api/people/${subject.personId}/checkin-holds`
        : `POST /api/venues/${subject.venueId}/checkin-holds`;
      const scope = idempotencyScope(route, ctx.actor);
      return runIdempotent(db, { scope, key, body: input, status: 201 }, async (tx) => {
        await subjectLocation(tx, ctx.actor, subject);
        const row = await insertCheckinHold(tx, {
          personId: subject.personId ?? null,
          venueId: subject.venueId ?? null,
          ...h,
          accountId: ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
        });
        await recordAudit(tx, ctx, {
          action: 'checkin.hold',
          personId: row.person_id,
          reason: h.reason,
          details: {
            holdId: row.id,
            venueId: row.venue_id,
            from: h.from.toISOString(),
            to: h.to.toISOString(),
            until: h.until.toISOString(),
          },
        });
        return toCheckinHold(row);
      });
    },

    /** A person's or a point's holds, or, with neither, every hold in the actor's area. Newest first. */
    async list(ctx: AuditContext, query: HoldQuery): Promise<{ items: CheckinHold[] }> {
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
        const personIds = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
        if (personId || personIds.length) {
          await recordAudit(tx, ctx, {
            action: 'checkin.hold.read',
            personId: personId ?? null,
            details: personId ? { count: rows.length } : { personIds },
          });
        }
        return { items: rows.map(toCheckinHold) };
      });
    },

    /** Ends a hold now, keeping its row; releasing an ended hold changes nothing. */
    async release(ctx: AuditContext, id: string, reason?: string): Promise<CheckinHold> {
      authorize(ctx.actor, 'checkin.hold');
      return db.transaction(async (tx) => {
        const row = await findCheckinHold(tx, id, true);
        // Outside the area a hold is as good as unknown: its id tells nothing.
        if (!row || !inReach(ctx.actor, row)) throw new AppError('NOT_FOUND');
        const by = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
        if (!(await releaseCheckinHold(tx, id, by))) return toCheckinHold(row);
        await recordAudit(tx, ctx, {
          action: 'checkin.hold.release',
          personId: row.person_id,
          reason: reason?.trim() || null,
          details: { holdId: id, venueId: row.venue_id, heldUntilBefore: row.held_until.toISOString() },
        });
        return toCheckinHold((await findCheckinHold(tx, id))!);
      });
    },
  };
}
