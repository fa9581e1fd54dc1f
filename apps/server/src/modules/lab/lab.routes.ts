import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { labResultAdminService } from './lab.certificates';
import { labCorrectionService } from './lab.correction';
import {
  BarcodeParams,
  CertificateFailures,
  CorrectionBody,
  CorrectionResult,
  ResultView,
  RetryResult,
  EnterBody,
  EnterResult,
  MappingBody,
  QueueResult,
  UploadAccepted,
  UploadParams,
  UploadView,
  VerifyBody,
  VerifyResult,
} from '@phongdich/contracts/lab';
import { labService } from './lab.service';
import { drainUploads, labUploadService } from './lab.upload.service';
import { firstFilePart } from './lab.multipart';

export const UPLOAD_MAX_BYTES = 20 * 1024 * 1024;
const FILE_TYPES = [
  'multipart/form-data',
  'text/csv',
  'text/plain',
  'application/octet-stream',
  'application/vnd.ms-excel',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];
const tags = ['lab'];

/** Result entry, bulk upload and the supervisor's release, for the lab the account belongs to. */
export function labRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const lab = labService(db);
  const uploads = labUploadService(db);
  const admin = labResultAdminService(db);
  const corrections = labCorrectionService(db);
  app.addHook('onClose', async () => {
    await drainUploads();
  });

  app.post(
    '/api/lab/results',
    {
      schema: {
        tags,
        summary: 'Nhập kết quả một ống mẫu / Enter one tube result',
        body: EnterBody,
        response: { 200: EnterResult },
      },
    },
    async (request) => lab.enter(auditContext(request), request.body),
  );
  app.get(
    '/api/lab/results/pending',
    {
      schema: {
        tags,
        summary: 'Kết quả chờ duyệt / Results waiting for release',
        response: { 200: QueueResult },
      },
    },
    async (request) => lab.queue(auditContext(request)),
  );
  app.post(
    '/api/lab/results/verify',
    {
      schema: {
        tags,
        summary: 'Duyệt và trả kết quả / Verify and release',
        body: VerifyBody,
        response: { 200: VerifyResult },
      },
    },
    async (request) => lab.verify(auditContext(request), request.body.barcodes),
  );
  app.get(
    '/api/lab/results/:barcode',
    {
      schema: {
        tags,
        summary: 'Kết quả của một ống và các lần đính chính / One tube’s result and its corrections',
        params: BarcodeParams,
        response: { 200: ResultView },
      },
    },
    async (request) => admin.result(auditContext(request), request.params.barcode),
  );
  app.post(
    '/api/lab/results/:barcode/correction',
    {
      schema: {
        tags,
        summary:
          'Đính chính kết quả đã trả (trưởng phòng, nêu lý do, hỗ trợ Idempotency-Key) / Correct a released result',
        params: BarcodeParams,
        body: CorrectionBody,
        response: { 200: CorrectionResult },
      },
    },
    async (request) =>
      corrections.correct(
        auditContext(request),
        request.params.barcode,
        request.body,
        idempotencyKeyOf(request),
      ),
  );
  app.get(
    '/api/lab/certificate-failures',
    {
      schema: {
        tags,
        summary: 'Chứng nhận chưa ký được / Certificates that could not be signed',
        response: { 200: CertificateFailures },
      },
    },
    async (request) => admin.certificateFailures(auditContext(request)),
  );
  app.post(
    '/api/lab/certificate-failures/retry',
    {
      schema: {
        tags,
        summary: 'Ký lại các chứng nhận lỗi / Retry the failed certificates',
        response: { 200: RetryResult },
      },
    },
    async (request) => admin.retryCertificates(auditContext(request)),
  );
  app.put(
    '/api/lab/mappings',
    {
      schema: {
        tags,
        summary: 'Lưu cách ghép cột / Save the column mapping',
        body: MappingBody,
        response: { 200: MappingBody },
      },
    },
    async (request) => uploads.putMapping(auditContext(request), request.body),
  );
  app.get(
    '/api/lab/mappings',
    {
      schema: {
        tags,
        summary: 'Cách ghép cột của phòng / The lab’s column mapping',
        response: { 200: MappingBody },
      },
    },
    async (request) => uploads.getMapping(auditContext(request)),
  );
  app.get(
    '/api/lab/uploads/:id',
    {
      schema: {
        tags,
        summary: 'Tiến độ tải tệp / Upload progress and row errors',
        params: UploadParams,
        response: { 200: UploadView },
      },
    },
    async (request) => uploads.get(auditContext(request), request.params.id),
  );

  // The file arrives as the raw body (CSV or .xlsx); the parsers only apply to this route.
  void app.register(async (scope) => {
    scope.addContentTypeParser(
      FILE_TYPES,
      { parseAs: 'buffer', bodyLimit: UPLOAD_MAX_BYTES },
      (_req, body, done) => done(null, body),
    );
    scope.post(
      '/api/lab/uploads',
      {
        bodyLimit: UPLOAD_MAX_BYTES,
        schema: {
          tags,
          summary: 'Tải tệp kết quả CSV/Excel (≤ 20 MB, xử lý nền) / Upload a results file',
          response: { 200: UploadAccepted, 202: UploadAccepted },
        },
      },
      async (request: FastifyRequest, reply) => {
        if (!Buffer.isBuffer(request.body) || request.body.length === 0) throw new AppError('UPLOAD_EMPTY');
        let body: Buffer = request.body;
        const type = request.headers['content-type'] ?? '';
        if (type.startsWith('multipart/form-data')) body = firstFilePart(body, type);
        const { duplicate, view } = await uploads.upload(auditContext(request), new Uint8Array(body));
        return reply.status(duplicate ? 200 : 202).send({ ...view, duplicate });
      },
    );
  });
}
