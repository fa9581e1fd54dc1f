import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { shipmentsService } from './shipments.service';
import { IdParams } from './sampling.schemas';
import * as S from './shipments.schemas';

const idOf = (r: FastifyRequest) => (r.params as { id: string }).id;

/** Chain of custody: manifests of sealed tubes sent to a lab, and the lab's receipt scan. */
export function shipmentsRoutes(app: FastifyInstance, db: Db): void {
  const shipments = shipmentsService(db);
  const tags = ['testing'];
  app.get(
    '/api/testing/labs',
    { schema: { tags, summary: 'Phòng xét nghiệm / Labs', response: { 200: S.LabList } } },
    async (req) => shipments.labs(auditContext(req)),
  );
  app.post(
    '/api/testing/shipments',
    {
      schema: {
        tags,
        summary: 'Tạo phiếu gửi mẫu / Create a shipment manifest',
        body: S.ShipmentBody,
        response: { 201: S.Manifest },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(
          await shipments.create(
            auditContext(req),
            req.body as { labId: string; barcodes: string[]; carrier: string; sentAt: string },
            idempotencyKeyOf(req),
          ),
        ),
  );
  app.get(
    '/api/testing/shipments',
    { schema: { tags, summary: 'Các chuyến gửi mẫu / Shipments', response: { 200: S.ShipmentList } } },
    async (req) => shipments.list(auditContext(req)),
  );
  app.get(
    '/api/testing/shipments/:id',
    {
      schema: {
        tags,
        summary: 'Phiếu gửi mẫu / Shipment manifest',
        params: IdParams,
        response: { 200: S.Manifest },
      },
    },
    async (req) => shipments.get(auditContext(req), idOf(req)),
  );
  app.post(
    '/api/testing/shipments/:id/receive',
    {
      schema: {
        tags,
        summary: 'Phòng xét nghiệm nhận mẫu / Lab receipt scan',
        params: IdParams,
        body: S.ReceiveBody,
        response: { 200: S.ReceiveResult },
      },
    },
    async (req) =>
      shipments.receive(auditContext(req), idOf(req), (req.body as { barcodes: string[] }).barcodes),
  );
}
