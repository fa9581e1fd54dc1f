import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { certificateFactsOf, issueOrRecordFailure } from '../certificates';
import { signingKey } from '../keys';
import { labOf } from './lab.common';
import type { CtValues, LabResultValue } from './lab.types';

/**
 * The supervisor's view of one tube's result (to correct it) and of the certificates that could not be
 * signed at release, which the supervisor can retry. Scoped to the account's lab.
 */
export function labResultAdminService(db: Db) {
  return {
    async result(ctx: AuditContext, barcode: string) {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId } = labOf(ctx.actor);
      const rows = await db.query<{
        barcode: string;
        lab_id: string;
        status: 'entered' | 'released';
        result: LabResultValue;
        ct_values: CtValues | null;
        kit: string | null;
        released_at: Date | null;
        test_type: string;
        members: number;
      }>(
        `select r.barcode, r.lab_id::text as lab_id, r.status, r.result, r.ct_values, r.kit, r.released_at, t.test_type,
           (select count(*) from tube_members m where m.barcode = r.barcode)::int as members
         from lab_results r join tubes t on t.barcode = r.barcode where r.barcode = $1`,
        [barcode],
      );
      const r = rows[0];
      if (!r || r.lab_id !== labId) throw new AppError('RESULT_NOT_ENTERED');
      const corrections = await db.query<{
        old_result: LabResultValue;
        new_result: LabResultValue;
        reason: string;
        corrected_at: Date;
      }>(
        `select old_result, new_result, reason, corrected_at from lab_result_corrections
         where barcode = $1 order by corrected_at`,
        [barcode],
      );
      return {
        barcode: r.barcode,
        status: r.status,
        result: r.result,
        ctValues: r.ct_values ?? undefined,
        kit: r.kit ?? undefined,
        testType: r.test_type,
        pooled: r.members > 1,
        members: r.members,
        releasedAt: r.released_at?.toISOString() ?? null,
        corrections: corrections.map((c) => ({
          from: c.old_result,
          to: c.new_result,
          reason: c.reason,
          correctedAt: c.corrected_at.toISOString(),
        })),
      };
    },

    async certificateFailures(ctx: AuditContext) {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId } = labOf(ctx.actor);
      const rows = await db.query<{
        barcode: string;
        person_result_id: string;
        reason: string;
        attempts: number;
        first_failed_at: Date;
      }>(
        `select r.barcode, f.person_result_id::text as person_result_id, f.reason, f.attempts, f.first_failed_at
         from certificate_failures f join person_results r on r.id = f.person_result_id
         where f.lab_id = $1::uuid order by f.first_failed_at limit 500`,
        [labId],
      );
      return {
        items: rows.map((r) => ({
          barcode: r.barcode,
          personResultId: r.person_result_id,
          reason: r.reason,
          attempts: r.attempts,
          firstFailedAt: r.first_failed_at.toISOString(),
        })),
      };
    },

    /** Tries again every failed certificate of the lab; each attempt is counted on its row. */
    async retryCertificates(ctx: AuditContext) {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId } = labOf(ctx.actor);
      const key = await signingKey(db, 'dcc');
      return db.transaction(async (tx) => {
        const failed = await tx.query<{ person_result_id: string; person_id: string }>(
          `select person_result_id::text as person_result_id, person_id::text as person_id from certificate_failures
           where lab_id = $1::uuid order by first_failed_at limit 200 for update`,
          [labId],
        );
        let issued = 0;
        for (const f of failed) {
          const due = await certificateFactsOf(tx, f.person_result_id);
          // No longer due (e.g. corrected to invalid): nothing to retry.
          if (!due) {
            await tx.query('delete from certificate_failures where person_result_id = $1', [
              f.person_result_id,
            ]);
            continue;
          }
          const current = await tx.query<{ certificate_id: string | null }>(
            'select certificate_id from person_results where id = $1',
            [f.person_result_id],
          );
          if (current[0]?.certificate_id) {
            await tx.query('delete from certificate_failures where person_result_id = $1', [
              f.person_result_id,
            ]);
            continue;
          }
          if (await issueOrRecordFailure(tx, key, due.target, due.facts)) {
            issued++;
            await recordAudit(tx, ctx, {
              action: 'certificate.issue.retry',
              personId: f.person_id,
              details: { personResultId: f.person_result_id },
            });
          }
        }
        const left = await tx.query<{ n: number }>(
          'select count(*)::int as n from certificate_failures where lab_id = $1::uuid',
          [labId],
        );
        return { issued, stillFailing: left[0]?.n ?? 0 };
      });
    },
  };
}
