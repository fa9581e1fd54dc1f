import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/checkins';
import type { Db } from '../../core/db/db';
import { optionalBody } from '../../core/http/optional-body';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { checkinHoldsService } from './checkins.holds.service';

/** Investigation holds on check-ins (officers of the person's or the point's area). */
export function checkinHoldsRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params, query and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const holds = checkinHoldsService(db);
  const tags = ['checkins'];

  app.post(
    '/api/people/:id/checkin-holds',
    {
      schema: {
        tags,
        summary:
          'Giữ lượt quét của một người phục vụ điều tra (hỗ trợ Idempotency-Key) / Hold a person’s check-ins for an investigation',
        params: S.HoldIdParams,
        body: S.CheckinHoldBody,
        response: { 201: S.CheckinHoldSchema },
      },
    },
    async (request, reply) => {
      const at = { personId: request.params.id };
      const res = await holds.place(auditContext(request), at, request.body, idempotencyKeyOf(request));
      return reply.status(201).send(res.body);
    },
  );
  app.post(
    '/api/venues/:id/checkin-holds',
    {
      schema: {
        tags,
        summary:
          'Giữ lượt quét tại một điểm phục vụ điều tra (hỗ trợ Idempotency-Key) / Hold a point’s check-ins for an investigation',
        params: S.HoldIdParams,
        body: S.CheckinHoldBody,
        response: { 201: S.CheckinHoldSchema },
      },
    },
    async (request, reply) => {
      const at = { venueId: request.params.id };
      const res = await holds.place(auditContext(request), at, request.body, idempotencyKeyOf(request));
      return reply.status(201).send(res.body);
    },
  );
  app.get(
    '/api/checkin-holds',
    {
      schema: {
        tags,
        summary:
          'Các lệnh giữ lượt quét: của một người, một điểm, hoặc cả địa bàn / Check-in holds of a person, a point, or the whole area',
        querystring: S.CheckinHoldQuery,
        response: { 200: S.CheckinHoldList },
      },
    },
    async (request) => holds.list(auditContext(request), request.query),
  );
  app.post(
    '/api/checkin-holds/:id/release',
    {
      preValidation: optionalBody,
      schema: {
        tags,
        summary: 'Thôi giữ lượt quét trước hạn / Release a check-in hold early',
        params: S.HoldIdParams,
        body: S.ReleaseBody,
        response: { 200: S.CheckinHoldSchema },
      },
    },
    async (request) => holds.release(auditContext(request), request.params.id, request.body.reason),
  );
}
