import { createHash } from 'node:crypto';
import type { Db } from '../../core/db/db';
import { recordAudit, type AuditContext } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { labOf } from './lab.common';
import { enterBatch, errorMessage } from './lab.entry';
import type { RowError } from './lab.types';
import {
  detectFormat,
  readLabSheet,
  resolveColumns,
  rowToInput,
  type ColumnMapping,
  type Sheet,
} from './lab.upload.parse';
import {
  addProgress,
  findUpload,
  findUploadBySha,
  insertUpload,
  loadMapping,
  saveMapping,
  uploadView,
} from './lab.upload.repository';

export const UPLOAD_CHUNK_ROWS = 5000;
/** Only the first errors are kept in the report; the count covers all of them. */
const MAX_STORED_ERRORS = 1000;

/** Uploads being processed by this server, awaited when it shuts down. */
const running = new Set<Promise<void>>();
export const drainUploads = () => Promise.allSettled([...running]);

export function labUploadService(db: Db) {
  return {
    async putMapping(ctx: AuditContext, mapping: ColumnMapping) {
      authorize(ctx.actor, 'lab.upload');
      const { labId, accountId } = labOf(ctx.actor);
      await db.transaction(async (tx) => {
        await saveMapping(tx, labId, mapping, accountId);
        await recordAudit(tx, ctx, { action: 'lab.mapping.save', details: { labId } });
      });
      return mapping;
    },

    async getMapping(ctx: AuditContext) {
      authorize(ctx.actor, 'lab.upload');
      const mapping = await loadMapping(db, labOf(ctx.actor).labId);
      if (!mapping) throw new AppError('LAB_MAPPING_MISSING');
      return mapping;
    },

    /**
     * Checks the file (format, encoding, columns) before answering, then processes the rows in
     * the background in chunks, each in its own transaction. The same file again → the first report.
     */
    async upload(
      ctx: AuditContext,
      bytes: Uint8Array,
    ): Promise<{ duplicate: boolean; view: ReturnType<typeof uploadView> }> {
      authorize(ctx.actor, 'lab.upload');
      const { labId, accountId } = labOf(ctx.actor);
      const sha256 = createHash('sha256').update(bytes).digest('hex');
      const previous = await findUploadBySha(db, labId, sha256);
      if (previous) return { duplicate: true, view: uploadView(previous) };
      const mapping = await loadMapping(db, labId);
      if (!mapping) throw new AppError('LAB_MAPPING_MISSING');
      const format = detectFormat(bytes);
      const sheet = await readLabSheet(bytes, mapping);
      const cols = resolveColumns(sheet.header, mapping);
      if (!sheet.rows.length) throw new AppError('UPLOAD_EMPTY');
      const upload = await db.transaction(async (tx) => {
        const row = await insertUpload(tx, {
          labId,
          sha256,
          format,
          rowsTotal: sheet.rows.length,
          by: accountId,
        });
        await recordAudit(tx, ctx, {
          action: 'lab.upload',
          details: { uploadId: row.row.id, rows: sheet.rows.length },
        });
        return row;
      });
      if (!upload.created) return { duplicate: true, view: uploadView(upload.row) };
      const job = processRows(db, upload.row.id, labId, accountId, sheet, cols, mapping).catch(async (e) => {
        await db.query(`update result_uploads set status = 'failed', finished_at = now() where id = $1`, [
          upload.row.id,
        ]);
        throw e;
      });
      const tracked = job.then(
        () => undefined,
        () => undefined,
      );
      running.add(tracked);
      void tracked.finally(() => running.delete(tracked));
      return { duplicate: false, view: uploadView(upload.row) };
    },

    async get(ctx: AuditContext, id: string) {
      authorize(ctx.actor, 'lab.upload');
      const { labId } = labOf(ctx.actor);
      const row = await findUpload(db, id);
      if (!row || row.lab_id !== labId) throw new AppError('NOT_FOUND');
      return uploadView(row);
    },
  };
}

async function processRows(
  db: Db,
  uploadId: string,
  labId: string,
  by: string,
  sheet: Sheet,
  cols: ReturnType<typeof resolveColumns>,
  mapping: ColumnMapping,
): Promise<void> {
  let stored = 0;
  for (let start = 0; start < sheet.rows.length; start += UPLOAD_CHUNK_ROWS) {
    const chunk = sheet.rows.slice(start, start + UPLOAD_CHUNK_ROWS);
    const errors: RowError[] = [];
    const inputs: { row: number; input: Parameters<typeof enterBatch>[4][number] }[] = [];
    for (const r of chunk) {
      const p = rowToInput(r.cells, cols, mapping);
      if (p.ok) inputs.push({ row: r.row, input: p.input });
      else errors.push({ row: r.row, code: p.code, message: { vi: p.vi, en: p.en } });
    }
    await db.transaction(async (tx) => {
      const { outcomes } = await enterBatch(
        tx,
        labId,
        by,
        uploadId,
        inputs.map((i) => i.input),
      );
      for (const o of outcomes) {
        if (!o.ok) errors.push({ row: inputs[o.index]!.row, code: o.code, message: errorMessage(o.code) });
      }
      errors.sort((a, b) => a.row - b.row);
      const keep = errors.slice(0, Math.max(0, MAX_STORED_ERRORS - stored));
      stored += keep.length;
      await addProgress(
        tx,
        uploadId,
        chunk.length,
        errors.length,
        keep,
        start + chunk.length >= sheet.rows.length,
      );
    });
  }
}
