import { type AuditContext, recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import type { Db, Queryable } from '../../core/db/db';
import { rowLocation } from '../../core/auth/jurisdiction';
import { AppError } from '../../core/errors';
import { loadPerson, citizenMayRead, citizenPersonId, familyOf, locationOf } from '../people';
import { declarationsOf, findDeclaration, type DeclarationRow } from './declarations.repository';
import { toView, type DeclarationView } from './declarations.view';

const PAGE = 100;

/** Declarations are personal health data: every read is audited, one entry per person shown. */
export function declarationsReadService(db: Db) {
  return {
    /**
     * A citizen reads their own and their family's; the staff account that submitted it reads it back;
     * officers read those of people living in their area.
     */
    async get(ctx: AuditContext, id: string): Promise<DeclarationView> {
      const actor = ctx.actor;
      if (actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      return db.transaction(async (tx) => {
        const row = await findDeclaration(tx, id);
        if (!row) throw new AppError('DECLARATION_NOT_FOUND');
        if (actor.kind === 'citizen') {
          if (!(await citizenMayRead(tx, actor, row.person_id))) throw new AppError('DECLARATION_NOT_FOUND');
        } else if (row.declared_by_account_id !== actor.accountId) {
          authorize(actor, 'declaration.read', rowLocation(row));
        }
        await recordAudit(tx, ctx, {
          action: 'declaration.read',
          personId: row.person_id,
          details: { declarationIds: [row.id] },
        });
        return toView(tx, row);
      });
    },

    /** The signed-in citizen's declarations and their family members', newest first. */
    async mine(ctx: AuditContext): Promise<{ items: DeclarationView[] }> {
      if (ctx.actor.kind === 'anonymous') throw new AppError('UNAUTHENTICATED');
      if (ctx.actor.kind !== 'citizen') throw new AppError('FORBIDDEN', undefined, 'citizen-only route');
      return db.transaction(async (tx) => {
        const own = await citizenPersonId(tx, ctx.actor);
        if (!own) return { items: [] };
        const names = new Map<string, string>([[own, (await loadPerson(tx, own)).full_name]]);
        for (const m of await familyOf(tx, own)) names.set(m.id, m.fullName);
        const rows = await declarationsOf(tx, [...names.keys()], PAGE);
        await auditPerPerson(tx, ctx, rows);
        const items: DeclarationView[] = [];
        for (const r of rows) items.push(await toView(tx, r, names.get(r.person_id)));
        return { items };
      });
    },

    /** An officer's view of one person's declarations (the person's current home decides jurisdiction). */
    async ofPerson(ctx: AuditContext, personId: string): Promise<{ items: DeclarationView[] }> {
      authorize(ctx.actor, 'declaration.read');
      return db.transaction(async (tx) => {
        const person = await loadPerson(tx, personId);
        authorize(ctx.actor, 'declaration.read', locationOf(person));
        const rows = await declarationsOf(tx, [personId], PAGE);
        await recordAudit(tx, ctx, {
          action: 'declaration.read',
          personId,
          details: { declarationIds: rows.map((r) => r.id), view: 'person' },
        });
        const items: DeclarationView[] = [];
        for (const r of rows) items.push(await toView(tx, r));
        return { items };
      });
    },
  };
}

async function auditPerPerson(tx: Queryable, ctx: AuditContext, rows: DeclarationRow[]) {
  const byPerson = new Map<string, string[]>();
  for (const r of rows) byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), r.id]);
  for (const [personId, ids] of byPerson) {
    await recordAudit(tx, ctx, {
      action: 'declaration.read',
      personId,
      details: { declarationIds: ids, as: 'citizen' },
    });
  }
}
