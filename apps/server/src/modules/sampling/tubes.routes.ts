import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { labelsService } from './labels.service';
import { samplesService, type SampleInput } from './samples.service';
import * as S from './sampling.schemas';

const barcodeOf = (r: FastifyRequest) => (r.params as { barcode: string }).barcode;

/** Tube labels, and linking people to tubes at the sampling point (single or offline batch). */
export function tubesRoutes(scope: FastifyInstance, db: Db): void {
  const labels = labelsService(db);
  const samples = samplesService(db);
  const tags = ['testing'];
  scope.post(
    '/api/testing/labels',
    {
      schema: {
        tags,
        summary: 'Tạo lô mã vạch ống / Create a batch of tube barcodes',
        body: S.LabelsBody,
        response: { 201: S.LabelBatch },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await labels.createBatch(
            auditContext(req),
            req.body as { count: number; testType: 'rt_pcr' | 'rapid_antigen'; sessionId?: string | null },
          ),
        ),
  );
  scope.get(
    '/api/testing/labels/:batchId',
    {
      schema: {
        tags,
        summary: 'Lô mã vạch / A label batch',
        params: S.BatchParams,
        response: { 200: S.LabelBatch },
      },
    },
    async (req) => labels.batchCodes(auditContext(req), (req.params as { batchId: string }).batchId),
  );
  scope.get(
    '/api/testing/labels/:batchId/sheet.pdf',
    { schema: { tags, summary: 'Tờ nhãn A4 (PDF) / A4 label sheets (PDF)', params: S.BatchParams } },
    async (req, reply) => {
      const pdf = await labels.sheetPdf(auditContext(req), (req.params as { batchId: string }).batchId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'inline; filename="nhan-ong.pdf"')
        .send(pdf);
    },
  );

  scope.post(
    '/api/testing/samples',
    {
      schema: {
        tags,
        summary: 'Gắn người với ống (idempotent theo id) / Link a person to a tube (idempotent on id)',
        body: S.SampleBody,
        response: { 200: S.SampleResult },
      },
    },
    async (req) => samples.link(auditContext(req), req.body as SampleInput),
  );
  scope.post(
    '/api/testing/samples/batch',
    {
      schema: {
        tags,
        summary: 'Đồng bộ lô ngoại tuyến / Offline batch sync',
        body: S.SampleBatchBody,
        response: { 200: S.SampleBatchResult },
      },
    },
    async (req) => samples.linkBatch(auditContext(req), (req.body as { items: SampleInput[] }).items),
  );
  scope.get(
    '/api/testing/tubes/:barcode',
    {
      schema: {
        tags,
        summary: 'Một ống và người trong ống / A tube and its members',
        params: S.BarcodeParams,
        response: { 200: S.TubeSchema },
      },
    },
    async (req) => samples.getTube(auditContext(req), barcodeOf(req)),
  );
  scope.post(
    '/api/testing/tubes/:barcode/close',
    {
      schema: {
        tags,
        summary: 'Đóng ống gộp / Seal a pool',
        params: S.BarcodeParams,
        response: { 200: S.TubeSchema },
      },
    },
    async (req) => samples.close(auditContext(req), barcodeOf(req)),
  );
}
