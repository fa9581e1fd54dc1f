import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError, assertNoFieldErrors, fieldError } from '../../core/errors';
import { reinstate, revoke } from '../keys';
import { findVenue, setVenueStatus } from './venues.repository';
import type { Venue, VenueRow } from './venues.types';
import { locationOfVenue, toVenue } from './venues.view';

/**
 * Lifting a suspension takes the point's QR off the revocation list: online check-ins see that within
 * the verifier's cache time, offline scanners at their next sync (the feed carries the reinstatement).
 */
const unrevokeVenue = (q: Queryable, id: string) => reinstate(q, 'V', id);

/** Commune officers (and district/province above them) approve, suspend and reactivate points. */
export function venuesReviewService(db: Db) {
  async function review(
    ctx: AuditContext,
    id: string,
    action: 'approve' | 'suspend' | 'reject' | 'reactivate',
    change: (tx: Queryable, v: VenueRow, by: string) => Promise<VenueRow>,
    reason: string | null = null,
  ): Promise<Venue> {
    const { actor } = ctx;
    authorize(actor, 'venue.review');
    if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
    return db.transaction(async (tx) => {
      const venue = await findVenue(tx, id, true);
      if (!venue) throw new AppError('VENUE_NOT_FOUND');
      authorize(actor, 'venue.review', locationOfVenue(venue));
      const row = await change(tx, venue, actor.accountId);
      await recordAudit(tx, ctx, {
        action: `venue.${action}`,
        reason,
        details: { venueId: id, from: venue.status, to: row.status },
      });
      return toVenue(tx, row);
    });
  }

  function stop(ctx: AuditContext, id: string, reason: string, action: 'suspend' | 'reject') {
    const why = reason.trim();
    if (why.length < 3) {
      assertNoFieldErrors([
        action === 'suspend'
          ? fieldError('reason', 'REASON_REQUIRED', 'Nhập lý do tạm dừng.', 'Give the reason for suspending.')
          : fieldError('reason', 'REASON_REQUIRED', 'Nhập lý do từ chối.', 'Give the reason for rejecting.'),
      ]);
    }
    return review(
      ctx,
      id,
      action,
      async (tx, v, by) => {
        if (v.status === 'suspended') throw new AppError('VENUE_STATUS_CONFLICT');
        if (action === 'reject' && v.status !== 'pending') throw new AppError('VENUE_STATUS_CONFLICT');
        await revoke(tx, { type: 'V', id, reason: `venue ${action}ed`, revokedBy: by });
        return setVenueStatus(tx, id, { status: 'suspended', reason: why, reviewedBy: by });
      },
      why,
    );
  }

  return {
    /** A pending point becomes active; an active one not yet looked at is marked reviewed. */
    approve: (ctx: AuditContext, id: string) =>
      review(ctx, id, 'approve', async (tx, v, by) => {
        if (v.status === 'suspended') throw new AppError('VENUE_STATUS_CONFLICT');
        return setVenueStatus(tx, id, { status: 'active', reason: null, reviewedBy: by });
      }),

    /** Suspends the point and revokes its QR, so scans of printed posters are refused. */
    suspend: (ctx: AuditContext, id: string, reason: string) => stop(ctx, id, reason, 'suspend'),

    /**
     * Refuses a point waiting for review, with the reason its owner reads. It is kept, suspended, so
     * the commune may still reactivate it once the owner has put things right.
     */
    reject: (ctx: AuditContext, id: string, reason: string) => stop(ctx, id, reason, 'reject'),

    reactivate: (ctx: AuditContext, id: string) =>
      review(ctx, id, 'reactivate', async (tx, v, by) => {
        if (v.status !== 'suspended') throw new AppError('VENUE_STATUS_CONFLICT');
        await unrevokeVenue(tx, id);
        return setVenueStatus(tx, id, { status: 'active', reason: null, reviewedBy: by });
      }),
  };
}
