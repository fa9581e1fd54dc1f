import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { personalQrService } from './personal-qr.service';
import { MAX_CARDS_PER_BATCH, qrCardsService, type BatchInput } from './qr-cards.service';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const MyQrSchema = Type.Object({
  personId: Type.String(),
  token: Type.String(),
  colour: Type.Union([
    Type.Literal('green'),
    Type.Literal('yellow'),
    Type.Literal('orange'),
    Type.Literal('red'),
  ]),
  reasons: Type.Array(Text),
  ruleSetVersion: Type.String(),
  expiresAt: Type.String(),
});
const BatchSchema = Type.Object({
  id: Type.String(),
  communeCode: Type.String(),
  cardCount: Type.Integer(),
  createdAt: Type.String(),
});

/** Personal QR codes (the app's code and printed cards for people without a smartphone). */
export function personalQrRoutes(app: FastifyInstance, db: Db): void {
  const qr = personalQrService(db);
  const cards = qrCardsService(db);
  const tags = ['personal-qr'];

  app.get(
    '/api/me/qr',
    {
      schema: {
        tags,
        summary: 'Mã QR cá nhân (của tôi hoặc người thân) / My personal QR (or a family member’s)',
        querystring: Type.Object(
          { personId: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: { 200: MyQrSchema },
      },
    },
    async (request) => qr.myQr(auditContext(request), (request.query as { personId?: string }).personId),
  );

  app.post(
    '/api/qr-cards/batches',
    {
      schema: {
        tags,
        summary:
          'Tạo đợt in thẻ QR (hỗ trợ Idempotency-Key) / Create a printed QR card batch (Idempotency-Key supported)',
        body: Type.Object(
          {
            personIds: Type.Optional(
              Type.Array(Type.String({ format: 'uuid' }), { maxItems: MAX_CARDS_PER_BATCH }),
            ),
            allWithoutAccount: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.String(), cardCount: Type.Integer() }) },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(
          await cards.createBatch(
            auditContext(request),
            request.body as BatchInput,
            idempotencyKeyOf(request),
          ),
        ),
  );

  app.get(
    '/api/qr-cards/batches',
    {
      schema: {
        tags,
        summary: 'Các đợt in thẻ QR / Printed QR card batches',
        response: { 200: Type.Object({ items: Type.Array(BatchSchema) }) },
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
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
      },
    },
    async (request, reply) => {
      const pdf = await cards.batchPdf(auditContext(request), (request.params as { id: string }).id);
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
        params: Type.Object({ tokenId: Type.String({ minLength: 4, maxLength: 40 }) }),
        body: Type.Optional(
          Type.Object(
            { reason: Type.Optional(Type.String({ maxLength: 500 })) },
            { additionalProperties: false },
          ),
        ),
        response: { 200: Type.Object({ revoked: Type.Boolean() }) },
      },
    },
    async (request) =>
      cards.revokeCard(
        auditContext(request),
        (request.params as { tokenId: string }).tokenId,
        (request.body as { reason?: string } | undefined)?.reason,
      ),
  );
}
