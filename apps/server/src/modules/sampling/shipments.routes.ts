import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/sampling';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { shipmentsService } from './shipments.service';

/** Chain of custody: manifests of sealed tubes sent to a lab, and the lab's receipt scan. */
export function shipmentsRoutes(base: FastifyInstance, db: Db): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
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
        response: { 201: S.ManifestSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await shipments.create(auditContext(req), req.body, idempotencyKeyOf(req))),
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
        params: S.IdParams,
        response: { 200: S.ManifestSchema },
      },
    },
    async (req) => shipments.get(auditContext(req), req.params.id),
  );
  app.post(
    '/api/testing/shipments/:id/receive',
    {
      schema: {
        tags,
        summary: 'Phòng xét nghiệm nhận mẫu / Lab receipt scan',
        params: S.IdParams,
        body: S.ReceiveBody,
        response: { 200: S.ReceiveResult },
      },
    },
    async (req) => shipments.receive(auditContext(req), req.params.id, req.body.barcodes),
  );
}
