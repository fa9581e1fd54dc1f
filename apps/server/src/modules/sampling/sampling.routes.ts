import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/sampling';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { auditContext } from '../../core/http/request-audit';
import { sessionsService } from './sessions.service';
import { shipmentsRoutes } from './shipments.routes';
import { targetImportService } from './targets.import.service';
import { tubesOfSessionService } from './tubes.service';
import { tubesRoutes } from './tubes.routes';

const IMPORT_TYPES = [
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Sampling: sessions, target lists, tube labels, linking people to tubes, shipments to labs. */
export function samplingRoutes(app: FastifyInstance, db: Db): void {
  // A scope of its own, so the raw-file body parser for list imports applies to these routes only.
  void app.register(async (base) => {
    const scope = base.withTypeProvider<TypeBoxTypeProvider>();
    scope.addContentTypeParser(
      IMPORT_TYPES,
      { parseAs: 'buffer', bodyLimit: 10 * 1024 * 1024 },
      (_req, body, done) => done(null, body),
    );
    const sessions = sessionsService(db);
    const imports = targetImportService(db);
    const tubes = tubesOfSessionService(db);
    const tags = ['testing'];

    scope.post(
      '/api/testing/sessions',
      {
        schema: {
          tags,
          summary: 'Tạo đợt xét nghiệm / Create a testing session',
          body: S.SessionBody,
          response: { 201: S.SessionDetailSchema },
        },
      },
      async (req, reply) => reply.status(201).send(await sessions.create(auditContext(req), req.body)),
    );
    scope.get(
      '/api/testing/sessions',
      {
        schema: {
          tags,
          summary: 'Các đợt trong địa bàn / Sessions in your area',
          response: { 200: S.SessionList },
        },
      },
      async (req) => sessions.list(auditContext(req)),
    );
    scope.get(
      '/api/testing/sessions/:id',
      {
        schema: {
          tags,
          summary: 'Chi tiết đợt, tiến độ / Session detail and progress',
          params: S.IdParams,
          response: { 200: S.SessionDetailSchema },
        },
      },
      async (req) => sessions.get(auditContext(req), req.params.id),
    );
    scope.post(
      '/api/testing/sessions/:id/team',
      {
        schema: {
          tags,
          summary: 'Thêm người lấy mẫu vào tổ / Add a sampler to the team',
          params: S.IdParams,
          body: S.TeamBody,
          response: { 200: S.SessionDetailSchema },
        },
      },
      async (req) => sessions.addTeamMember(auditContext(req), req.params.id, req.body),
    );
    scope.post(
      '/api/testing/sessions/:id/register',
      {
        schema: {
          tags,
          summary: 'Người dân tự đăng ký / Citizen self-registration',
          params: S.IdParams,
          response: { 200: S.RegisterResult },
        },
      },
      async (req) => sessions.register(auditContext(req), req.params.id),
    );
    scope.post(
      '/api/testing/sessions/:id/targets/import',
      {
        bodyLimit: 10 * 1024 * 1024,
        schema: {
          tags,
          summary:
            'Nhập danh sách (CSV UTF-8 hoặc .xlsx, gửi nguyên tệp) / Import a target list (raw CSV or .xlsx body)',
          params: S.IdParams,
          response: { 200: S.ImportResult },
        },
      },
      async (req) => {
        if (!Buffer.isBuffer(req.body))
          throw new AppError('MALFORMED_REQUEST', undefined, 'import expects a raw file body');
        return imports.importFile(auditContext(req), req.params.id, req.body);
      },
    );
    scope.get(
      '/api/testing/sessions/:id/tubes',
      {
        schema: {
          tags,
          summary: 'Các ống của đợt / Tubes of a session',
          params: S.IdParams,
          response: { 200: S.TubeList },
        },
      },
      async (req) => tubes.list(auditContext(req), req.params.id),
    );

    tubesRoutes(base, db);
    shipmentsRoutes(base, db);
  });
}
