import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/db';
import { optionalBody } from '../../core/http/optional-body';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import * as S from './checkins.holds.schemas';
import { checkinHoldsService, type HoldInput, type HoldQuery } from './checkins.holds.service';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;

/** Investigation holds on check-ins (officers of the person's or the point's area). */
export function checkinHoldsRoutes(app: FastifyInstance, db: Db): void {
  const holds = checkinHoldsService(db);
  const tags = ['checkins'];
  const place = (subject: 'personId' | 'venueId') => async (request: FastifyRequest, reply: FastifyReply) => {
    const at = { [subject]: idOf(request) } as { personId: string } | { venueId: string };
    const body = request.body as HoldInput;
    const res = await holds.place(auditContext(request), at, body, idempotencyKeyOf(request));
    return reply.status(201).send(res.body);
  };
  const created = { 201: S.CheckinHoldSchema };

  app.post(
    '/api/people/:id/checkin-holds',
    {
      schema: {
        tags,
        summary:
          'Giữ lượt quét của một người phục vụ điều tra (hỗ trợ Idempotency-Key) / Hold a person’s check-ins for an investigation',
        params: S.HoldIdParams,
        body: S.CheckinHoldBody,
        response: created,
      },
    },
    place('personId'),
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
        response: created,
      },
    },
    place('venueId'),
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
    async (request) => holds.list(auditContext(request), request.query as HoldQuery),
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
    async (request) =>
      holds.release(auditContext(request), idOf(request), (request.body as { reason?: string }).reason),
  );
}
