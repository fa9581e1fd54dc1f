import type { AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import type { Db } from '../../core/db/db';
import { assertHoldRules } from '../../core/holds';
import { auditHoldRead, holdJson, placeHold, releaseHold } from '../../core/holds.kind';
import { loadPerson, locationOf } from '../people';
import {
  DECLARATION_HOLDS,
  declarationHoldsOf,
  declarationHoldsWithin,
  type DeclarationHoldRow,
} from './declarations.hold.repository';
import { holdDeclarations } from './declarations.retention';

// A declaration hold always names its person (the shared hold fields allow a point's hold without one).
const toHold = (r: DeclarationHoldRow) => ({ ...holdJson(r), personId: r.person_id });

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
      assertHoldRules({ until, reason: input.reason });
      const reason = input.reason.trim();
      return placeHold(db, DECLARATION_HOLDS, ctx, {
        route: `POST /api/people/${personId}/declaration-holds`,
        key,
        body: input,
        reason,
        locate: async (tx) => {
          const person = await loadPerson(tx, personId);
          authorize(ctx.actor, 'declaration.hold', locationOf(person));
        },
        insert: (tx, accountId) => holdDeclarations(tx, { personId, until, reason, accountId }),
        details: () => ({ until: until.toISOString() }),
        toJson: toHold,
      });
    },

    async list(ctx: AuditContext, personId: string, active?: boolean) {
      authorize(ctx.actor, 'declaration.hold');
      return db.transaction(async (tx) => {
        const person = await loadPerson(tx, personId);
        authorize(ctx.actor, 'declaration.hold', locationOf(person));
        const rows = await declarationHoldsOf(tx, personId, active);
        await auditHoldRead(tx, DECLARATION_HOLDS, ctx, rows, { personId });
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
        await auditHoldRead(tx, DECLARATION_HOLDS, ctx, rows, {});
        return { items: rows.map(toHold) };
      });
    },

    /** Ends a hold now, keeping its row; releasing an ended hold changes nothing. */
    async release(ctx: AuditContext, id: string, reason?: string) {
      return releaseHold(db, DECLARATION_HOLDS, ctx, id, reason, toHold);
    },
  };
}
