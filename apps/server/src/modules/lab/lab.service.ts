import type { EnterInput } from '@phongdich/contracts/lab';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError, fieldError } from '../../core/errors';
import { countCertificateFailures } from '../certificates';
import { signingKey } from '../keys';
import { labOf } from './lab.common';
import { enterBatch } from './lab.entry';
import { applyRelease } from './lab.release';
import { markTubesResulted } from '../sampling';
import { entryQueue } from './lab.repository';
import type { ResultInput } from './lab.types';

// The bench body (the route's, packages/contracts): `result` may be missing, which is refused, never defaulted.
export type { EnterInput };

function explicitResult(body: EnterInput): ResultInput {
  if (!body.result)
    throw new AppError('RESULT_CHOICE_REQUIRED', [
      fieldError(
        'result',
        'RESULT_CHOICE_REQUIRED',
        'Hãy chọn kết quả cho ống mẫu này',
        'Choose the result for this tube',
      ),
    ]);
  return { ...body, result: body.result };
}

export function labService(db: Db) {
  return {
    /** One result typed or scanned at the bench: status `entered`, waiting for the supervisor. */
    async enter(ctx: AuditContext, body: EnterInput) {
      authorize(ctx.actor, 'lab.result.enter');
      const { labId, accountId } = labOf(ctx.actor);
      const input = explicitResult(body);
      return db.transaction(async (tx) => {
        const [outcome] = (await enterBatch(tx, labId, accountId, null, [input])).outcomes;
        if (!outcome!.ok) throw new AppError(outcome!.code, undefined, 'result entry refused');
        await recordAudit(tx, ctx, {
          action: 'lab.result.enter',
          details: { barcode: input.barcode, changed: outcome!.write !== null },
        });
        return { barcode: input.barcode, status: 'entered' as const, changed: outcome!.write !== null };
      });
    },

    async queue(ctx: AuditContext) {
      authorize(ctx.actor, 'lab.result.enter');
      const { labId } = labOf(ctx.actor);
      const rows = await entryQueue(db, labId);
      return {
        items: rows.map((r) => ({
          barcode: r.barcode,
          result: r.result,
          ctValues: r.ct_values ?? undefined,
          kit: r.kit ?? undefined,
          enteredAt: r.entered_at.toISOString(),
          testType: r.test_type,
          pooled: r.pooled,
          members: r.members,
        })),
      };
    },

    /**
     * The supervisor's second step: verify and release. All barcodes or none: an unknown or foreign
     * one aborts the batch. Already released barcodes are reported, not released twice. A certificate
     * that cannot be signed never aborts it: the result is released and the failure counted.
     */
    async verify(ctx: AuditContext, barcodes: string[]) {
      authorize(ctx.actor, 'lab.result.verify');
      const { labId, accountId } = labOf(ctx.actor);
      const key = await signingKey(db, 'dcc');
      const unique = [...new Set(barcodes)];
      return db.transaction(async (tx) => {
        const rows = await tx.query<{ barcode: string; status: string; lab_id: string }>(
          `select barcode, status, lab_id::text as lab_id from lab_results where barcode = any($1::text[]) for update`,
          [unique],
        );
        const byBarcode = new Map(rows.map((r) => [r.barcode, r]));
        const released: string[] = [];
        const alreadyReleased: string[] = [];
        for (const barcode of unique) {
          const r = byBarcode.get(barcode);
          if (!r || r.lab_id !== labId)
            throw new AppError('RESULT_NOT_ENTERED', undefined, 'verify: no result');
          if (r.status === 'released') {
            alreadyReleased.push(barcode);
            continue;
          }
          await tx.query(
            `update lab_results set status = 'released', verified_by = $2, released_at = now() where barcode = $1`,
            [barcode, accountId],
          );
          await applyRelease(tx, key, barcode);
          released.push(barcode);
        }
        await markTubesResulted(tx, released);
        const releasedResults = await tx.query<{ id: string }>(
          'select id::text as id from person_results where barcode = any($1::text[])',
          [released],
        );
        const certificateFailures = await countCertificateFailures(tx, {
          personResultIds: releasedResults.map((r) => r.id),
        });
        await recordAudit(tx, ctx, {
          action: 'lab.result.verify',
          details: {
            released: released.length,
            alreadyReleased: alreadyReleased.length,
            certificateFailures,
          },
        });
        return { released, alreadyReleased, certificateFailures };
      });
    },
  };
}
