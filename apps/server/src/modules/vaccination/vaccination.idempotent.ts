import type { Db, Queryable } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { idempotencyScope, runIdempotent } from '../../core/http/idempotency';

/**
 * An administrator's create that honours Idempotency-Key like POST /api/me/person: a retry with the
 * same key and body gets the first answer and creates nothing; the same key with another body is 422
 * IDEMPOTENCY_KEY_REUSED. Without a key it is one plain transaction. `body` includes the path's ids,
 * so one key cannot be replayed onto another site or campaign.
 */
export async function idempotentCreate<T>(
  db: Db,
  ctx: AuditContext,
  route: string,
  key: string | undefined,
  body: unknown,
  work: (tx: Queryable) => Promise<T>,
): Promise<T> {
  const res = await runIdempotent(
    db,
    { scope: idempotencyScope(route, ctx.actor), key, body, status: 201 },
    work,
  );
  return res.body;
}
