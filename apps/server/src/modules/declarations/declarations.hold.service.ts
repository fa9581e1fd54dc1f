import type { AuditContext } from '../../core/audit/audit';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import type { Db } from '../../core/db/db';
import { AppError, fieldError } from '../../core/errors';
import { loadPerson } from '../people/people.common';
import { locationOf } from '../people/people.view';
import { holdDeclarations } from './declarations.retention';

const MAX_HOLD_DAYS = 730;
const DAY_MS = 24 * 60 * 60 * 1000;

/** An officer investigating a person keeps their declarations beyond retention, with a reason. */
export function declarationsHoldService(db: Db) {
  return {
    async hold(ctx: AuditContext, personId: string, input: { until: string; reason: string }) {
      authorize(ctx.actor, 'declaration.hold');
      const until = new Date(input.until);
      const now = Date.now();
      if (
        Number.isNaN(until.getTime()) ||
        until.getTime() <= now ||
        until.getTime() > now + MAX_HOLD_DAYS * DAY_MS
      ) {
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'until',
            'HOLD_UNTIL_RANGE',
            'Thời hạn giữ phải ở tương lai và không quá 2 năm.',
            'The hold must end in the future and within 2 years.',
          ),
        ]);
      }
      return db.transaction(async (tx) => {
        const person = await loadPerson(tx, personId);
        authorize(ctx.actor, 'declaration.hold', locationOf(person));
        const accountId = ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId;
        await holdDeclarations(tx, { personId, until, reason: input.reason.trim(), accountId });
        await recordAudit(tx, ctx, {
          action: 'declaration.hold',
          personId,
          reason: input.reason.trim(),
          details: { until: until.toISOString() },
        });
        return { personId, heldUntil: until.toISOString() };
      });
    },
  };
}
