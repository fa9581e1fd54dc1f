// Commune officers review the pending identities of their area: confirm as a new person, or merge
// into an existing one. Either way the visits recorded against it move to that person, audited.
import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { jurisdictionSql, rowLocation } from '../../core/auth/jurisdiction';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { repointCheckins } from '../checkins';
import { validPersonFields, findPerson, locationOf, createPersonIn } from '../people';
import { findPending, listPending, resolvePending, type PendingIdentityRow } from './scan.pending.repository';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const placeOf = (p: PendingIdentityRow) => rowLocation(p);

export function pendingIdentitiesService(db: Db) {
  /** A pending identity of the officer's area, locked, still pending; others look not found. */
  async function pendingFor(
    tx: Queryable,
    ctx: AuditContext,
    id: string,
    action: 'person.create' | 'person.merge',
  ) {
    const p = UUID.test(id) ? await findPending(tx, id, true) : undefined;
    if (!p) throw new AppError('NOT_FOUND');
    authorize(ctx.actor, action, placeOf(p));
    if (p.status !== 'pending') throw new AppError('CONFLICT', undefined, 'already resolved');
    return p;
  }

  return {
    async list(ctx: AuditContext) {
      authorize(ctx.actor, 'person.create');
      const rows = await listPending(db, jurisdictionSql(ctx.actor, 'p', 1), 200);
      if (rows.length) {
        await recordAudit(db, ctx, {
          action: 'pendingIdentity.read',
          details: { ids: rows.map((r) => r.id) },
        });
      }
      return {
        items: rows.map((r) => ({
          id: r.id,
          method: r.method,
          fullName: r.full_name,
          birthDate: r.card.birthDate ?? null,
          birthYear: r.birth_year,
          sex: r.card.sex ?? null,
          cccd: r.cccd,
          bhyt: r.bhyt,
          street: r.card.street ?? null,
          venueId: r.venue_id,
          venueName: r.venue_name,
          visits: r.visits,
          createdAt: r.created_at.toISOString(),
        })),
      };
    },

    /** A new person from the card's data, in the venue's commune; a duplicate is refused (merge it). */
    confirm: (ctx: AuditContext, id: string) =>
      db.transaction(async (tx) => {
        const p = await pendingFor(tx, ctx, id, 'person.create');
        const f = await validPersonFields(tx, p.card);
        const person = await createPersonIn(tx, ctx, f, {
          revealExistingId: true,
          details: { via: 'pendingIdentity', pendingIdentityId: id },
        });
        const visits = await repointCheckins(tx, id, person.id);
        await resolvePending(tx, id, { status: 'confirmed', personId: person.id, by: accountOf(ctx) });
        await recordAudit(tx, ctx, {
          action: 'pendingIdentity.confirm',
          personId: person.id,
          details: { pendingIdentityId: id, visits },
        });
        return { id, status: 'confirmed' as const, personId: person.id, visits };
      }),

    /** The card was someone already registered: their visits join that person's record. */
    merge: (ctx: AuditContext, id: string, personId: string) =>
      db.transaction(async (tx) => {
        const p = await pendingFor(tx, ctx, id, 'person.merge');
        const target = UUID.test(personId) ? await findPerson(tx, personId) : undefined;
        if (!target || target.merged_into) throw new AppError('PERSON_NOT_FOUND');
        authorize(ctx.actor, 'person.merge', locationOf(target));
        const visits = await repointCheckins(tx, p.id, target.id);
        await resolvePending(tx, id, { status: 'merged', personId: target.id, by: accountOf(ctx) });
        await recordAudit(tx, ctx, {
          action: 'pendingIdentity.merge',
          personId: target.id,
          details: { pendingIdentityId: id, visits },
        });
        return { id, status: 'merged' as const, personId: target.id, visits };
      }),
  };
}

function accountOf(ctx: AuditContext): string {
  if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
  return ctx.actor.accountId;
}
