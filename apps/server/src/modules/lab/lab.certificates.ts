import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { certificateFailuresOfLab, clearCertificateFailure, countCertificateFailures } from '../certificates';
import { signingKey } from '../keys';
import { certificateFactsOf, issueCertificateFor } from './lab.certificate-issue';
import { labOf } from './lab.common';
import type { CtValues, LabResultValue } from './lab.types';

/** The barcode of each person result named (a failure names its person result by id). */
async function barcodesOf(q: Queryable, personResultIds: string[]): Promise<Map<string, string>> {
  if (!personResultIds.length) return new Map();
  const rows = await q.query<{ id: string; barcode: string }>(
    'select id::text as id, barcode from person_results where id = any($1::uuid[])',
    [personResultIds],
  );
  return new Map(rows.map((r) => [r.id, r.barcode]));
}

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
           (select count(*) from tube_member_brief m where m.barcode = r.barcode)::int as members
         from lab_results r join tube_brief t on t.barcode = r.barcode where r.barcode = $1`,
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
      const failures = await certificateFailuresOfLab(db, labId, 500);
      const barcodes = await barcodesOf(
        db,
        failures.map((f) => f.personResultId),
      );
      return {
        // A failure whose person result is gone (retention) has nothing to show or retry.
        items: failures.flatMap((f) => {
          const barcode = barcodes.get(f.personResultId);
          return barcode
            ? [
                {
                  barcode,
                  personResultId: f.personResultId,
                  reason: f.reason,
                  attempts: f.attempts,
                  firstFailedAt: f.firstFailedAt.toISOString(),
                },
              ]
            : [];
        }),
      };
    },

    /** Tries again every failed certificate of the lab; each attempt is counted on its row. */
    async retryCertificates(ctx: AuditContext) {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId } = labOf(ctx.actor);
      const key = await signingKey(db, 'dcc');
      return db.transaction(async (tx) => {
        const failed = await certificateFailuresOfLab(tx, labId, 200, true);
        let issued = 0;
        for (const f of failed) {
          const due = await certificateFactsOf(tx, f.personResultId);
          // No longer due (e.g. corrected to invalid): nothing to retry.
          if (!due) {
            await clearCertificateFailure(tx, f.personResultId);
            continue;
          }
          const current = await tx.query<{ certificate_id: string | null }>(
            'select certificate_id from person_results where id = $1',
            [f.personResultId],
          );
          if (current[0]?.certificate_id) {
            await clearCertificateFailure(tx, f.personResultId);
            continue;
          }
          if (await issueCertificateFor(tx, key, due.target, due.facts)) {
            issued++;
            await recordAudit(tx, ctx, {
              action: 'certificate.issue.retry',
              personId: f.personId,
              details: { personResultId: f.personResultId },
            });
          }
        }
        const left = await countCertificateFailures(tx, { labId });
        return { issued, stillFailing: left };
      });
    },
  };
}
