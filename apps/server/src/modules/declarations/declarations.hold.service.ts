import type { FieldError } from '@phongdich/contracts';
import { type AuditContext, recordAudit } from '../../core/audit/audit';
import { authorize, canAt } from '../../core/auth/policy';
import type { Db } from '../../core/db/db';
import { AppError, assertNoFieldErrors } from '../../core/errors';
import { holdReasonError, holdUntilError } from '../../core/holds';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';
import { loadPerson, findPerson, locationOf } from '../people';
import {
  declarationHoldsOf,
  declarationHoldsWithin,
  findDeclarationHold,
  releaseDeclarationHold,
  type DeclarationHoldRow,
} from './declarations.hold.repository';
import { holdDeclarations } from './declarations.retention';

const toHold = (r: DeclarationHoldRow) => ({
  id: r.id,
  personId: r.person_id,
  heldUntil: r.held_until.toISOString(),
  reason: r.reason,
  active: r.active,
  createdAt: r.created_at.toISOString(),
  createdByName: r.created_by_name,
  releasedAt: r.released_at?.toISOString() ?? null,
  releasedByName: r.released_by_name,
  personCommuneName: r.person_commune_name,
});

/**
 * An officer investigating a person keeps their declarations beyond retention, with a reason; lists
 * the person's holds and may end one early. Every step is audited.
 */
export function declarationsHoldService(db: Db) {
  return {
    /** Idempotency-Key supported: a retry answers the stored hold instead of placing a second one. */
    async hold(ctx: AuditContext, personId: string, input: { until: string; reason: string }, key?: string) {
      authorize(ctx.actor, 'declaration.hold');
      const until = new Date(input.until);
      const errors = [holdUntilError(until), holdReasonError(input.reason)];
      assertNoFieldErrors(errors.filter((e): e is FieldError => !!e));
      const reason = input.reason.trim();
      const scope = idempotencyScope(`POST /api/people/${personId}/declaration-holds`, ctx.actor);
      return runIdempotent(db, { scope, key, body: input, status: 201 }, async (tx) => {
        const person = await loadPerson(tx, personId);
        authorize(ctx.actor, 'declaration.hold', locationOf(person));
        const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
        const id = await holdDeclarations(tx, { personId, until, reason, accountId });
        await recordAudit(tx, ctx, {
          action: 'declaration.hold',
          personId,
          reason,
          details: { holdId: id, until: until.toISOString() },
        });
        return toHold((await findDeclarationHold(tx, id))!);
      });
    },

    async list(ctx: AuditContext, personId: string, active?: boolean) {
      authorize(ctx.actor, 'declaration.hold');
      return db.transaction(async (tx) => {
        const person = await loadPerson(tx, personId);
        authorize(ctx.actor, 'declaration.hold', locationOf(person));
        const rows = await declarationHoldsOf(tx, personId, active);
        await recordAudit(tx, ctx, {
          action: 'declaration.hold.read',
          personId,
          details: { count: rows.length },
        });
        return { items: rows.map(toHold) };
      });
    },

    /**
     * Every hold whose person lies in the actor's area, newest first (the officers' holds page). Items
     * carry ids and the commune, no name: the person page, audited on its own, shows who it is. Audited
     * like the area list of check-in holds: with the people it names, and only when it names any.
     */
    async listArea(ctx: AuditContext, query: { active?: boolean; limit?: number }) {
      authorize(ctx.actor, 'declaration.hold');
      return db.transaction(async (tx) => {
        const rows = await declarationHoldsWithin(tx, {
          within: ctx.actor,
          active: query.active,
          limit: query.limit ?? 100,
        });
        const personIds = [...new Set(rows.map((r) => r.person_id))];
        if (personIds.length) {
          await recordAudit(tx, ctx, { action: 'declaration.hold.read', details: { personIds } });
        }
        return { items: rows.map(toHold) };
      });
    },

    /** Ends a hold now, keeping its row; releasing an ended hold changes nothing. */
    async release(ctx: AuditContext, id: string, reason?: string) {
      authorize(ctx.actor, 'declaration.hold');
      return db.transaction(async (tx) => {
        const row = await findDeclarationHold(tx, id, true);
        const person = row && (await findPerson(tx, row.person_id));
        // Outside the area a hold is as good as unknown: its id tells nothing.
        if (!row || !person || !canAt(ctx.actor, 'declaration.hold', locationOf(person))) {
          throw new AppError('NOT_FOUND');
        }
        const by = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
        if (!(await releaseDeclarationHold(tx, id, by))) return toHold(row);
        await recordAudit(tx, ctx, {
          action: 'declaration.hold.release',
          personId: row.person_id,
          reason: reason?.trim() || null,
          details: { holdId: id, heldUntilBefore: row.held_until.toISOString() },
        });
        return toHold((await findDeclarationHold(tx, id))!);
      });
    },
  };
}
