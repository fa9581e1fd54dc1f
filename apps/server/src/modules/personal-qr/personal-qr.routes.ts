import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CardBatchBody,
  CardBatchCreated,
  CardBatchList,
  CardBatchParams,
  CardRevokeBody,
  CardRevokeParams,
  CardRevoked,
  MyQrQuery,
  MyQrSchema,
} from '@phongdich/contracts/personal-qr';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { personalQrService } from './personal-qr.service';
import { qrCardsService } from './qr-cards.service';

/** Personal QR codes (the app's code and printed cards for people without a smartphone). */
export function personalQrRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const qr = personalQrService(db);
  const cards = qrCardsService(db);
  const tags = ['personal-qr'];

  app.get(
    '/api/me/qr',
    {
      schema: {
        tags,
        summary: 'Mã QR cá nhân (của tôi hoặc người thân) / My personal QR (or a family member’s)',
        querystring: MyQrQuery,
        response: { 200: MyQrSchema },
      },
    },
    async (request) => qr.myQr(auditContext(request), request.query.personId),
  );

  app.post(
    '/api/qr-cards/batches',
    {
      schema: {
        tags,
        summary:
          'Tạo đợt in thẻ QR (hỗ trợ Idempotency-Key) / Create a printed QR card batch (Idempotency-Key supported)',
        body: CardBatchBody,
        response: { 201: CardBatchCreated },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await cards.createBatch(auditContext(request), request.body, idempotencyKeyOf(request))),
  );

  app.get(
    '/api/qr-cards/batches',
    {
      schema: {
        tags,
        summary: 'Các đợt in thẻ QR / Printed QR card batches',
        response: { 200: CardBatchList },
      },
    },
    async (request) => cards.listBatches(auditContext(request)),
  );

  app.get(
    '/api/qr-cards/batches/:id/cards.pdf',
    {
      schema: {
        tags,
        summary: 'Tải thẻ QR để in (PDF, A4, 8 thẻ/trang) / Download the cards to print',
        params: CardBatchParams,
      },
    },
    async (request, reply) => {
      const pdf = await cards.batchPdf(auditContext(request), request.params.id);
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', 'attachment; filename="the-qr.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );

  app.post(
    '/api/qr-cards/:tokenId/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi thẻ QR (mất thẻ) / Revoke a printed QR card',
        params: CardRevokeParams,
        body: CardRevokeBody,
        response: { 200: CardRevoked },
      },
    },
    async (request) => cards.revokeCard(auditContext(request), request.params.tokenId, request.body?.reason),
  );
}
