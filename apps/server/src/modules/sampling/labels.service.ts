import type { Db, Queryable } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import type { Actor } from '../../core/auth/actor';
import { authorize } from '../../core/auth/policy';
import { AppError, fieldError } from '../../core/errors';
import { makeBarcode, MAX_SEQUENCE } from './sampling.barcode';
import { labelSheetPdf } from './labels.pdf';
import { loadSession } from './sessions.service';
import { locOf, type TestType } from './sampling.types';
import { DEPLOYMENT_STRUCTURE_SQL } from '../../core/units/deployment';

export const MAX_LABELS_PER_BATCH = 3000;

/** The 2-digit province of the actor's unit ('00' for national accounts): the barcode prefix. */
async function provinceOfActor(q: Queryable, actor: Actor): Promise<string> {
  const unit = actor.kind === 'staff' || actor.kind === 'machine' ? actor.unitCode : null;
  if (!unit) return '00';
  if (unit.length === 2) return unit;
  const rows = await q.query<{ province_code: string }>(
    `select province_code from unit_brief where structure = ${DEPLOYMENT_STRUCTURE_SQL} and code = $1`,
    [unit],
  );
  return rows[0]?.province_code ?? '00';
}

interface BatchRow {
  id: string;
  test_type: TestType;
  session_id: string | null;
  prefix: string;
  first_seq: number;
  count: number;
  created_at: Date;
}

export function labelsService(db: Db) {
  return {
    /** Allocates `count` new barcodes (never reused: a per-prefix sequence) and records them as printed tubes. */
    async createBatch(
      ctx: AuditContext,
      input: { count: number; testType: TestType; sessionId?: string | null },
    ) {
      authorize(ctx.actor, 'testing.labels');
      if (!Number.isInteger(input.count) || input.count < 1 || input.count > MAX_LABELS_PER_BATCH) {
        throw new AppError('VALIDATION_FAILED', [
          fieldError(
            'count',
            'COUNT_RANGE',
            `Số nhãn từ 1 đến ${MAX_LABELS_PER_BATCH}.`,
            `Count is 1 to ${MAX_LABELS_PER_BATCH}.`,
          ),
        ]);
      }
      const session = input.sessionId ? await loadSession(db, input.sessionId) : null;
      if (session) {
        authorize(ctx.actor, 'testing.labels', locOf(session));
        if (session.test_type !== input.testType) throw new AppError('TUBE_TEST_TYPE_MISMATCH');
      }
      const prefix = session ? session.province_code : await provinceOfActor(db, ctx.actor);
      const batch = await db.transaction(async (tx) => {
        const seq = await tx.query<{ last_value: number }>(
          `insert into tube_barcode_sequences (prefix, last_value) values ($1, $2)
           on conflict (prefix) do update set last_value = tube_barcode_sequences.last_value + excluded.last_value
           returning last_value`,
          [prefix, input.count],
        );
        const last = seq[0]!.last_value;
        if (last > MAX_SEQUENCE) throw new AppError('CONFLICT', undefined, 'barcode sequence exhausted');
        const first = last - input.count + 1;
        const rows = await tx.query<BatchRow>(
          `insert into tube_label_batches (test_type, session_id, prefix, first_seq, count, created_by_account_id)
           values ($1, $2, $3, $4, $5, $6) returning *`,
          [
            input.testType,
            session?.id ?? null,
            prefix,
            first,
            input.count,
            ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
          ],
        );
        const codes = Array.from({ length: input.count }, (_, i) => makeBarcode(prefix, first + i));
        await tx.query(
          `insert into tubes (barcode, label_batch_id, session_id, test_type, commune_code, district_code, province_code)
           select unnest($1::text[]), $2, $3, $4, $5, $6, $7`,
          [
            codes,
            rows[0]!.id,
            session?.id ?? null,
            input.testType,
            session?.commune_code ?? null,
            session?.district_code ?? null,
            session?.province_code ?? null,
          ],
        );
        await recordAudit(tx, ctx, {
          action: 'testing.labels.create',
          details: { batchId: rows[0]!.id, count: input.count },
        });
        return { row: rows[0]!, codes };
      });
      return view(batch.row, batch.codes);
    },

    async batchCodes(ctx: AuditContext, batchId: string) {
      authorize(ctx.actor, 'testing.labels');
      const rows = await db.query<BatchRow>('select * from tube_label_batches where id = $1', [batchId]);
      const b = rows[0];
      if (!b) throw new AppError('LABEL_BATCH_NOT_FOUND');
      if (b.session_id) authorize(ctx.actor, 'testing.labels', locOf(await loadSession(db, b.session_id)));
      const codes = Array.from({ length: b.count }, (_, i) => makeBarcode(b.prefix, b.first_seq + i));
      return view(b, codes);
    },

    async sheetPdf(ctx: AuditContext, batchId: string): Promise<Buffer> {
      const b = await this.batchCodes(ctx, batchId);
      const kind = b.testType === 'rt_pcr' ? 'RT-PCR' : 'Test nhanh';
      return labelSheetPdf(b.barcodes, `Phòng Dịch · ${kind} · lô ${b.id.slice(0, 8)}`);
    },
  };
}

const view = (b: BatchRow, codes: string[]) => ({
  id: b.id,
  testType: b.test_type,
  sessionId: b.session_id,
  count: b.count,
  createdAt: new Date(b.created_at).toISOString(),
  barcodes: codes,
});
