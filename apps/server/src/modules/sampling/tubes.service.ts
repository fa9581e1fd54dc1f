import type { Db } from '../../core/db/db';
import type { AuditContext } from '../../core/audit/audit';
import { tubeView } from './samples.service';
import { readableSession } from './sessions.service';
import { findTube, tubesOfSession } from './tubes.repository';

/** The tubes of a session with member counts (no names), for building a shipment. */
export function tubesOfSessionService(db: Db) {
  return {
    async list(ctx: AuditContext, sessionId: string) {
      const session = await readableSession(db, ctx.actor, sessionId);
      const rows = await tubesOfSession(db, sessionId);
      const items = [];
      for (const r of rows) {
        const view = await tubeView(db, (await findTube(db, r.barcode))!, session.pool_size);
        // Shipping needs counts, not names: the list never exposes who is in a tube.
        items.push({
          ...view,
          members: view.members.map((m) => ({ ...m, fullName: null, birthYear: null })),
        });
      }
      return { items };
    },
  };
}
