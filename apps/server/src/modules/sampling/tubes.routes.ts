import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/sampling';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { labelsService } from './labels.service';
import { samplesService } from './samples.service';

/** Tube labels, and linking people to tubes at the sampling point (single or offline batch). */
export function tubesRoutes(base: FastifyInstance, db: Db): void {
  const scope = base.withTypeProvider<TypeBoxTypeProvider>();
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
        response: { 201: S.LabelBatchSchema },
      },
    },
    async (req, reply) => reply.status(201).send(await labels.createBatch(auditContext(req), req.body)),
  );
  scope.get(
    '/api/testing/labels/:batchId',
    {
      schema: {
        tags,
        summary: 'Lô mã vạch / A label batch',
        params: S.BatchParams,
        response: { 200: S.LabelBatchSchema },
      },
    },
    async (req) => labels.batchCodes(auditContext(req), req.params.batchId),
  );
  scope.get(
    '/api/testing/labels/:batchId/sheet.pdf',
    { schema: { tags, summary: 'Tờ nhãn A4 (PDF) / A4 label sheets (PDF)', params: S.BatchParams } },
    async (req, reply) => {
      const pdf = await labels.sheetPdf(auditContext(req), req.params.batchId);
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
        response: { 200: S.SampleResultSchema },
      },
    },
    async (req) => samples.link(auditContext(req), req.body),
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
    async (req) => samples.linkBatch(auditContext(req), req.body.items),
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
    async (req) => samples.getTube(auditContext(req), req.params.barcode),
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
    async (req) => samples.close(auditContext(req), req.params.barcode),
  );
}
