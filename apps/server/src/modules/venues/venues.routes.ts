import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { VEHICLE_KINDS, VENUE_KINDS, type VenueKind } from './venue-kinds';
import { venuesManageService } from './venues.manage.service';
import { venuesReviewService } from './venues.review.service';
import { venuesService, type ListQuery } from './venues.service';
import type { ChildInput, VenueInput } from './venues.types';
import {
  ChildrenBody,
  IdParams,
  KindsResult,
  ListQuerySchema,
  PhoneBody,
  PostersBody,
  QrResult,
  ReasonBody,
  RegisterBody,
  StaffList,
  VenueList,
  VenuePage,
  VenueSchema,
} from './venues.schemas';

const idOf = (request: FastifyRequest) => (request.params as { id: string }).id;
const Pdf = { 200: { description: 'PDF (A4)', type: 'string', format: 'binary' } };

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

/** Check-in points: registration, review by officers, staff, QR codes and posters. */
export function venuesRoutes(app: FastifyInstance, db: Db): void {
  const venues = venuesService(db);
  const review = venuesReviewService(db);
  const manage = venuesManageService(db);
  const tags = ['venues'];
  const one = { 200: VenueSchema };
  const byId = (summary: string, extra: object = {}) => ({
    schema: { tags, summary, params: IdParams, response: one, ...extra },
  });

  app.get(
    '/api/venues/kinds',
    { schema: { tags, summary: 'Loại điểm / Kinds of point', response: { 200: KindsResult } } },
    async () => ({
      items: (Object.keys(VENUE_KINDS) as VenueKind[]).map((code) => ({
        code,
        ...VENUE_KINDS[code],
        vehicle: VEHICLE_KINDS.includes(code),
      })),
    }),
  );
  app.post(
    '/api/venues',
    {
      schema: {
        tags,
        summary: 'Đăng ký điểm (Idempotency-Key) / Register a check-in point',
        body: RegisterBody,
        response: { 201: VenueSchema },
      },
    },
    async (request, reply) => {
      const res = await venues.register(
        auditContext(request),
        request.body as VenueInput,
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(res.body);
    },
  );
  app.get(
    '/api/venues',
    {
      schema: {
        tags,
        summary: 'Điểm trong địa bàn (cán bộ) / Points in your area (officers)',
        querystring: ListQuerySchema,
        response: { 200: VenuePage },
      },
    },
    async (request) => venues.list(auditContext(request), request.query as ListQuery),
  );
  app.get(
    '/api/me/venues',
    { schema: { tags, summary: 'Điểm tôi quản lý / Points I own or staff', response: { 200: VenueList } } },
    async (request) => venues.mine(auditContext(request)),
  );
  app.get('/api/venues/:id', byId('Xem điểm / Read a point'), async (request) =>
    venues.get(auditContext(request), idOf(request)),
  );
  app.get(
    '/api/venues/:id/children',
    {
      schema: {
        tags,
        summary: 'Các điểm con / Stalls or vehicles of a point',
        params: IdParams,
        response: { 200: VenueList },
      },
    },
    async (request) => venues.children(auditContext(request), idOf(request)),
  );
  app.post(
    '/api/venues/:id/children',
    {
      schema: {
        tags,
        summary: 'Thêm điểm con (quầy, xe) / Add stalls or vehicles (Idempotency-Key)',
        params: IdParams,
        body: ChildrenBody,
        response: { 201: VenueList },
      },
    },
    async (request, reply) => {
      const { items } = request.body as { items: ChildInput[] };
      const res = await venues.addChildren(
        auditContext(request),
        idOf(request),
        items,
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(res.body);
    },
  );
  app.post('/api/venues/:id/approve', byId('Duyệt điểm / Approve a point'), async (request) =>
    review.approve(auditContext(request), idOf(request)),
  );
  app.post(
    '/api/venues/:id/suspend',
    byId('Tạm dừng điểm, thu hồi mã QR / Suspend a point, revoking its QR', { body: ReasonBody }),
    async (request) =>
      review.suspend(auditContext(request), idOf(request), (request.body as { reason: string }).reason),
  );
  app.post(
    '/api/venues/:id/reject',
    byId('Từ chối điểm chờ duyệt / Reject a point waiting for review', { body: ReasonBody }),
    async (request) =>
      review.reject(auditContext(request), idOf(request), (request.body as { reason: string }).reason),
  );
  app.post('/api/venues/:id/reactivate', byId('Cho hoạt động lại / Reactivate a point'), async (request) =>
    review.reactivate(auditContext(request), idOf(request)),
  );
  app.get(
    '/api/venues/:id/qr',
    {
      schema: {
        tags,
        summary: 'Mã QR của điểm / The point QR',
        params: IdParams,
        response: { 200: QrResult },
      },
    },
    async (request) => manage.qr(auditContext(request), idOf(request)),
  );
  app.get(
    '/api/venues/:id/poster.pdf',
    { schema: { tags, summary: 'Áp phích A4 / A4 poster', params: IdParams, response: Pdf } },
    async (request, reply) =>
      sendPdf(reply, await manage.posters(auditContext(request), [idOf(request)]), 'ma-qr-diem.pdf'),
  );
  app.post(
    '/api/venues/posters.pdf',
    { schema: { tags, summary: 'Nhiều áp phích / Bulk posters', body: PostersBody, response: Pdf } },
    async (request, reply) =>
      sendPdf(
        reply,
        await manage.posters(auditContext(request), (request.body as { venueIds: string[] }).venueIds),
        'ma-qr-cac-diem.pdf',
      ),
  );
  app.get(
    '/api/venues/:id/children/posters.pdf',
    {
      schema: {
        tags,
        summary: 'Áp phích các điểm con / Posters of the children',
        params: IdParams,
        response: Pdf,
      },
    },
    async (request, reply) =>
      sendPdf(reply, await manage.childPosters(auditContext(request), idOf(request)), 'ma-qr-diem-con.pdf'),
  );
  const staffSchema = (summary: string, body?: object) => ({
    schema: { tags, summary, params: IdParams, ...(body ? { body } : {}), response: { 200: StaffList } },
  });
  app.get('/api/venues/:id/staff', staffSchema('Nhân viên / Staff'), async (request) =>
    manage.staff(auditContext(request), idOf(request)),
  );
  app.post('/api/venues/:id/staff', staffSchema('Thêm nhân viên / Add staff', PhoneBody), async (request) =>
    manage.addStaff(auditContext(request), idOf(request), (request.body as { phone: string }).phone),
  );
  // A POST with the phone in the body: phone numbers never go in URLs.
  app.post(
    '/api/venues/:id/staff/remove',
    staffSchema('Bỏ nhân viên / Remove staff', PhoneBody),
    async (request) =>
      manage.removeStaff(auditContext(request), idOf(request), (request.body as { phone: string }).phone),
  );
}
