import type { Db, Queryable } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { authorize, canAt } from '../../core/auth/policy';
import { jurisdictionSql, NOWHERE, rowLocation } from '../../core/auth/jurisdiction';
import type { UnitStructure } from '../../core/units/structure';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { locationOfCommune } from '../geo';
import { maskName } from '@phongdich/domain';

export interface NewWorklistItem {
  kind: string;
  personId: string | null;
  communeCode: string;
  /** The map `communeCode` is on (a record's own, e.g. its person's); absent: the deployment's. */
  structure?: UnitStructure;
  title: { vi: string; en: string };
  sourceType: string;
  sourceId: string;
  priority?: 'normal' | 'high';
  data?: Record<string, unknown>;
}

export interface WorklistItem {
  id: string;
  kind: string;
  personId: string | null;
  /** The person's name, masked when their record lies outside the officer's jurisdiction. */
  personName: string | null;
  personMasked: boolean;
  communeCode: string;
  title: { vi: string; en: string };
  priority: 'normal' | 'high';
  sourceType: string;
  sourceId: string;
  data: Record<string, unknown>;
  status: 'open' | 'in_progress' | 'done';
  note: string | null;
  createdAt: string;
  updatedAt: string;
}

/**
 * Adds a follow-up for the officers of a commune, in the caller's transaction. Idempotent on
 * (kind, sourceType, sourceId): a redelivered event or a retried request adds nothing.
 */
export async function addWorklistItem(tx: Queryable, item: NewWorklistItem): Promise<void> {
  const loc = await locationOfCommune(tx, item.communeCode, item.structure);
  if (!loc) throw new AppError('UNIT_NOT_FOUND', undefined, 'worklist commune unknown');
  await tx.query(
    `insert into worklist_items (kind, person_id, commune_code, district_code, province_code, title, priority,
                                 source_type, source_id, data, unit_structure)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     on conflict (kind, source_type, source_id) do nothing`,
    [
      item.kind,
      item.personId,
      loc.communeCode,
      loc.districtCode,
      loc.provinceCode,
      JSON.stringify(item.title),
      item.priority ?? 'normal',
      item.sourceType,
      item.sourceId,
      JSON.stringify(item.data ?? {}),
      // the map the commune was resolved on, written rather than left to the column's default
      loc.structure,
    ],
  );
}

interface Row {
  id: string;
  kind: string;
  person_id: string | null;
  commune_code: string;
  district_code: string | null;
  province_code: string;
  unit_structure: UnitStructure;
  title: { vi: string; en: string };
  priority: 'normal' | 'high';
  source_type: string;
  source_id: string;
  data: Record<string, unknown>;
  status: 'open' | 'in_progress' | 'done';
  note: string | null;
  created_at: Date;
  updated_at: Date;
  /** From the person's record (left join): null when the item names no person. */
  p_full_name?: string | null;
  p_province_code?: string | null;
  p_district_code?: string | null;
  p_commune_code?: string | null;
  p_unit_structure?: UnitStructure | null;
}

/** The person's name as the officer may see it: in full inside their jurisdiction, masked outside. */
function personNameFor(
  actor: AuditContext['actor'],
  r: Row,
): { personName: string | null; personMasked: boolean } {
  if (!r.p_full_name || !r.p_province_code) return { personName: null, personMasked: false };
  const inside = canAt(
    actor,
    'person.read',
    r.p_unit_structure
      ? {
          provinceCode: r.p_province_code,
          districtCode: r.p_district_code ?? null,
          communeCode: r.p_commune_code ?? null,
          structure: r.p_unit_structure,
        }
      : NOWHERE,
  );
  return inside
    ? { personName: r.p_full_name, personMasked: false }
    : { personName: maskName(r.p_full_name), personMasked: true };
}

const WITH_PERSON = `select w.*, p.full_name as p_full_name, p.province_code as p_province_code,
         p.district_code as p_district_code, p.commune_code as p_commune_code,
         p.unit_structure as p_unit_structure
  from worklist_items w left join person_brief p on p.id = w.person_id`;

const personOf = (r: Row) => ({
  p_full_name: r.p_full_name,
  p_province_code: r.p_province_code,
  p_district_code: r.p_district_code,
  p_commune_code: r.p_commune_code,
  p_unit_structure: r.p_unit_structure,
});

const toItem = (r: Row, actor: AuditContext['actor']): WorklistItem => ({
  id: r.id,
  kind: r.kind,
  personId: r.person_id,
  ...personNameFor(actor, r),
  communeCode: r.commune_code,
  title: r.title,
  priority: r.priority,
  sourceType: r.source_type,
  sourceId: r.source_id,
  data: r.data,
  status: r.status,
  note: r.note,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** Follow-ups whose cause went away, closed by the module that raised them (in its transaction). */
export interface WorklistItemsDone {
  kind: string;
  sourceType: string;
  sourceIds: readonly string[];
  note: string;
  /** Keep a note already written instead of replacing it. */
  keepNote?: boolean;
  /** Also rewrite the note of items already done (a correction says why it was closed). */
  evenIfDone?: boolean;
}

export async function closeWorklistItems(tx: Queryable, c: WorklistItemsDone): Promise<void> {
  if (!c.sourceIds.length) return;
  await tx.query(
    `update worklist_items set status = 'done', note = ${c.keepNote ? 'coalesce(note, $4)' : '$4'},
       updated_at = now(), updated_by = 'system'
     where kind = $1 and source_type = $2 and source_id = any($3::text[])${c.evenIfDone ? '' : " and status <> 'done'"}`,
    [c.kind, c.sourceType, [...c.sourceIds], c.note],
  );
}

/** Follow-ups closed by the system open again when a later change restores their cause. */
export async function reopenWorklistItems(
  tx: Queryable,
  kind: string,
  sourceType: string,
  sourceIds: readonly string[],
): Promise<void> {
  if (!sourceIds.length) return;
  await tx.query(
    `update worklist_items set status = 'open', updated_at = now(), updated_by = 'system'
     where kind = $1 and source_type = $2 and source_id = any($3::text[]) and status = 'done'`,
    [kind, sourceType, [...sourceIds]],
  );
}

export function worklistService(db: Db) {
  return {
    /** The officer's own area only; each listing is audited with the person ids it showed. */
    async list(ctx: AuditContext, f: { status?: string; kind?: string; limit?: number; before?: string }) {
      authorize(ctx.actor, 'worklist.read');
      const j = jurisdictionSql(ctx.actor, 'w', 1);
      const params: unknown[] = [...j.params];
      const where = [j.sql];
      if (f.status) where.push(`w.status = $${params.push(f.status)}`);
      if (f.kind) where.push(`w.kind = $${params.push(f.kind)}`);
      if (f.before) where.push(`w.created_at < $${params.push(new Date(f.before))}`);
      const limit = Math.min(f.limit ?? 50, 200);
      return db.transaction(async (tx) => {
        const rows = await tx.query<Row>(
          `${WITH_PERSON} where ${where.join(' and ')}
           order by w.priority = 'high' desc, w.created_at desc limit ${limit}`,
          params as never,
        );
        const personIds = rows.map((r) => r.person_id).filter(Boolean);
        if (personIds.length) {
          await recordAudit(tx, ctx, { action: 'worklist.read', details: { personIds, count: rows.length } });
        }
        return rows.map((r) => toItem(r, ctx.actor));
      });
    },

    async update(ctx: AuditContext, id: string, patch: { status: WorklistItem['status']; note?: string }) {
      authorize(ctx.actor, 'worklist.update');
      return db.transaction(async (tx) => {
        const row = (await tx.query<Row>(`${WITH_PERSON} where w.id = $1 for update of w`, [id]))[0];
        const loc = row && rowLocation(row);
        // Outside the officer's area answers like a missing item: no hint that it exists.
        if (!row || !loc || !canAt(ctx.actor, 'worklist.update', loc)) throw new AppError('NOT_FOUND');
        const updated = (
          await tx.query<Row>(
            `update worklist_items set status = $2, note = coalesce($3, note), updated_at = now(), updated_by = $4
             where id = $1 returning *`,
            [
              id,
              patch.status,
              patch.note ?? null,
              ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
            ],
          )
        )[0]!;
        await recordAudit(tx, ctx, {
          action: 'worklist.update',
          personId: row.person_id,
          details: { itemId: id, status: patch.status },
        });
        return toItem({ ...updated, ...personOf(row) }, ctx.actor);
      });
    },
  };
}
