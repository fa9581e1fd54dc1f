import type { MoveReview } from '@phongdich/contracts/geo';
import type { Db } from '../../../core/db/db';
import { recordAudit, type AuditContext } from '../../../core/audit/audit';
import { authorize } from '../../../core/auth/policy';
import { forgetAccountActors } from '../../../core/auth/sessions';
import { jurisdictionSql } from '../../../core/auth/jurisdiction';
import { AppError, fieldError } from '../../../core/errors';
import { moveVenueFigures } from './move.batch';
import { resolveReviewPolicy } from './move.codes';
import { moveResolvedShare } from './move.figures';
import { moveImportActors } from './move.imports';
import { CODE_TABLES, MOVE_TABLES, MOVE_TABLE_NAMES, REVIEW_POLICIES } from './move.tables';

/** One record waiting for its new commune, as the review list answers it. */
export type ReviewItem = MoveReview;

interface ReviewRow {
  id: string;
  table_name: string;
  record_key: string;
  reason: ReviewItem['reason'];
  old_path: string;
  old_name: string | null;
  province_code: string | null;
  candidates: string[];
  candidate_names: { code: string; name: string }[] | null;
  status: ReviewItem['status'];
  resolved_code: string | null;
}

const toItem = (r: ReviewRow): ReviewItem => ({
  id: r.id,
  table: r.table_name,
  reason: r.reason,
  oldPath: r.old_path,
  oldName: r.old_name,
  provinceCode: r.province_code,
  candidates: r.candidate_names ?? [],
  status: r.status,
  resolvedCode: r.resolved_code,
});

/** Review rows are filed under the new province: jurisdiction reads them as records of it. */
const REVIEW_AS_RECORD = `(select r.*, '2025'::text as unit_structure, null::text as district_code,
    null::text as commune_code from unit_move_reviews r)`;

const SELECT = `select r.id, r.table_name, r.record_key, r.reason, r.old_path, r.old_name, r.province_code,
    r.candidates, r.status, r.resolved_code,
    (select json_agg(json_build_object('code', u.code, 'name', u.full_name) order by u.code)
       from admin_units u where u.structure = '2025' and u.code = any(r.candidates)) as candidate_names
  from ${REVIEW_AS_RECORD} r`;

/** Open review items in the officer's province (all for a national administrator), oldest first. */
export async function listReviews(
  db: Db,
  ctx: AuditContext,
  opts: { status?: 'open' | 'resolved'; limit?: number; table?: string } = {},
): Promise<ReviewItem[]> {
  authorize(ctx.actor, 'units.review');
  const j = jurisdictionSql(ctx.actor, 'r', 1);
  const limit = Math.min(Math.max(opts.limit ?? 100, 1), 500);
  const rows = await db.query<ReviewRow>(
    `${SELECT} where ${j.sql} and r.status = $${j.params.length + 1}
       and ($${j.params.length + 2}::text is null or r.table_name = $${j.params.length + 2})
     order by r.created_at, r.id limit ${limit}`,
    [...j.params, opts.status ?? 'open', opts.table ?? null],
  );
  return rows.map(toItem);
}

/**
 * Gives a record the 2025 commune an officer chose for it: one of the candidates of its split
 * commune, or any commune of the province when the mapping named none (a former district's account
 * too: the province would widen its reach). The old path stays in the record's history; the choice is audited.
 */
export async function resolveReview(
  db: Db,
  ctx: AuditContext,
  id: string,
  unitCode: string,
): Promise<ReviewItem> {
  authorize(ctx.actor, 'units.review');
  const j = jurisdictionSql(ctx.actor, 'r', 2);
  const item = await db.transaction(async (tx) => {
    const rows = await tx.query<ReviewRow>(`${SELECT} where r.id = $1 and ${j.sql}`, [id, ...j.params]);
    const review = rows[0];
    if (!review || !MOVE_TABLE_NAMES.has(review.table_name)) throw new AppError('UNIT_REVIEW_NOT_FOUND');
    const locked = await tx.query<{ status: string }>(
      'select status from unit_move_reviews where id = $1 for update',
      [id],
    );
    if (locked[0]?.status !== 'open') throw new AppError('UNIT_REVIEW_RESOLVED');
    const units = await tx.query<{ code: string; level_name: string; province_code: string }>(
      `select code, level_name, province_code from admin_units where structure = '2025' and code = $1`,
      [unitCode],
    );
    const unit = units[0];
    const allowed =
      !!unit &&
      (review.candidates.length
        ? review.candidates.includes(unit.code)
        : // A commune of the old unit's province. Never the province itself: a district account put
          // there would reach every commune of it; a wider reach is a role change in accounts.
          unit.province_code === review.province_code && unit.level_name === 'commune');
    if (!allowed)
      throw new AppError('VALIDATION_FAILED', [
        fieldError(
          'unitCode',
          'UNIT_NOT_A_CANDIDATE',
          'Hãy chọn một trong các xã, phường mới của đơn vị cũ.',
          'Choose one of the new communes the old unit went into.',
        ),
      ]);
    const codes = CODE_TABLES.find((c) => c.table === review.table_name);
    if (codes) {
      await tx.query(
        `update ${codes.table} set unit_structure = '2025', ${codes.column} = $2
         where ${codes.key} = $1::${codes.keyType} and unit_structure = 'pre2025'`,
        [review.record_key, unit.code],
      );
      if (codes.table === 'accounts') {
        forgetAccountActors(review.record_key);
        await moveImportActors(tx, review.record_key);
      }
    } else if (review.table_name === REVIEW_POLICIES) {
      await resolveReviewPolicy(tx, review.record_key, unit.code);
    } else {
      const t = MOVE_TABLES.find((m) => m.table === review.table_name)!;
      await moveResolvedShare(tx, t.table, review.record_key, unit.code);
      await tx.query(
        `update ${t.table} set unit_structure = '2025', province_code = $2, district_code = null, commune_code = $3
         where ${t.key} = $1::${t.keyType} and unit_structure = 'pre2025'`,
        [review.record_key, unit.province_code, unit.code],
      );
      if (t.table === 'venues') await moveVenueFigures(tx, review.record_key);
    }
    const done = await tx.query<ReviewRow>(
      `update unit_move_reviews set status = 'resolved', resolved_code = $2, resolved_at = now(), resolved_by = $3
       where id = $1 returning *`,
      [id, unit.code, ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId],
    );
    await recordAudit(tx, ctx, {
      action: 'units.move.resolve',
      personId: review.table_name === 'persons' ? review.record_key : null,
      details: { reviewId: id, table: review.table_name, unitCode: unit.code },
    });
    return { ...review, ...done[0]!, candidate_names: review.candidate_names };
  });
  return toItem(item);
}
