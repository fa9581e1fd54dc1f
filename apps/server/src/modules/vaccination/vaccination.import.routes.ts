import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ColumnMapBody,
  ImportAccepted,
  ImportIdParams,
  ImportPreview,
  ImportRowList,
  ImportRowParams,
  ImportRowsQuery,
  ImportUploadQuery,
  ImportView,
  ResolveBody,
  ResolveResult,
} from '@phongdich/contracts/vaccination-import';
import type { Db } from '../../core/db/db';
import { LOCKS } from '../../core/db/locks';
import { AppError } from '../../core/errors';
import { auditContext } from '../../core/http/request-audit';
import { IMPORT_LIMITS, runPendingImports, vaccinationImportService } from './vaccination.import.service';

const tags = ['vaccination'];
/** A CSV of 200,000 rows is ~40 MB; an .xlsx of the same is far smaller. */
export const IMPORT_MAX_BYTES = 48 * 1024 * 1024;
const FILE_TYPES = [
  'text/csv',
  'text/plain',
  'text/tab-separated-values',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Bulk dose import (issue #12 §4): upload, progress, rows to fix or review, the error sheet, column maps. */
export function vaccinationImportRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const imports = vaccinationImportService(db);
  // One server works the queue at a time; a job stopped by a restart is picked up at the next start.
  const worker = root.jobs.add({
    name: 'vaccination-imports',
    everyMs: 5_000,
    atStart: 'background',
    lock: LOCKS.vaccinationImports,
    run: () => runPendingImports(db),
  });

  app.get(
    '/api/vaccination/imports/column-map',
    {
      schema: {
        tags,
        summary: 'Cột đã chọn cho tệp tiêm chủng / Saved column map',
        response: { 200: ColumnMapBody },
      },
    },
    async (req) => imports.getColumnMap(auditContext(req)),
  );
  app.put(
    '/api/vaccination/imports/column-map',
    {
      schema: {
        tags,
        summary: 'Lưu cột cho các lần nhập sau / Save the column map for the next imports',
        body: ColumnMapBody,
        response: { 200: ColumnMapBody },
      },
    },
    async (req) => imports.putColumnMap(auditContext(req), req.body),
  );
  app.get(
    '/api/vaccination/imports/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ nhập danh sách tiêm / Import progress',
        params: ImportIdParams,
        response: { 200: ImportView },
      },
    },
    async (req) => imports.get(auditContext(req), req.params.id),
  );
  app.get(
    '/api/vaccination/imports/:id/rows',
    {
      schema: {
        tags,
        summary: 'Dòng lỗi và dòng cần chọn người / Rows to fix and rows to review',
        params: ImportIdParams,
        querystring: ImportRowsQuery,
        response: { 200: ImportRowList },
      },
    },
    async (req) => imports.rows(auditContext(req), req.params.id, req.query.status ?? 'all'),
  );
  app.get(
    '/api/vaccination/imports/:id/error-sheet',
    {
      schema: {
        tags,
        summary: 'Tệp gốc có thêm cột lỗi / The file with an error column',
        params: ImportIdParams,
      },
    },
    async (req, reply) => {
      const sheet = await imports.errorSheet(auditContext(req), req.params.id);
      return reply
        .header('content-type', sheet.contentType)
        .header('content-disposition', `attachment; filename="loi-nhap-tiem.${sheet.extension}"`)
        .header('cache-control', 'no-store')
        .send(sheet.bytes);
    },
  );
  app.post(
    '/api/vaccination/imports/:id/rows/:row/resolve',
    {
      schema: {
        tags,
        summary: 'Chọn người cho dòng chưa rõ / Resolve an ambiguous row',
        params: ImportRowParams,
        body: ResolveBody,
        response: { 200: ResolveResult },
      },
    },
    async (req) => imports.resolve(auditContext(req), req.params.id, req.params.row, req.body),
  );

  // The file arrives as the raw body (CSV or .xlsx); the parsers only apply to these routes.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: IMPORT_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    const typed = scope.withTypeProvider<TypeBoxTypeProvider>();
    const fileOf = (body: unknown) => {
      if (!Buffer.isBuffer(body) || body.length === 0) throw new AppError('UPLOAD_EMPTY');
      return new Uint8Array(body);
    };
    typed.post(
      '/api/vaccination/imports/preview',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: 'Xem trước cột của tệp / Which columns the file has',
          response: { 200: ImportPreview },
        },
      },
      async (req) => imports.preview(auditContext(req), fileOf(req.body)),
    );
    typed.post(
      '/api/vaccination/imports',
      {
        bodyLimit: IMPORT_MAX_BYTES,
        schema: {
          tags,
          summary: `Nhập danh sách người đã tiêm (CSV/Excel, ≤ ${IMPORT_LIMITS.maxRows} dòng) / Import dose records`,
          querystring: ImportUploadQuery,
          response: { 200: ImportAccepted, 202: ImportAccepted },
        },
      },
      async (req, reply) => {
        const { duplicate, view } = await imports.upload(auditContext(req), fileOf(req.body), {
          communeCode: req.query.communeCode ?? null,
        });
        if (!duplicate) void worker.runNow();
        return reply.status(duplicate ? 200 : 202).send({ ...view, duplicate });
      },
    );
  });
}
