import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { TSchema } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { VEHICLE_KINDS, VENUE_KINDS, type VenueKind } from './venue-kinds';
import { venuesManageService } from './venues.manage.service';
import { venuesReviewService } from './venues.review.service';
import { venuesService } from './venues.service';
import {
  ChildrenBody,
  IdParams,
  KindsResult,
  ListQuerySchema,
  PdfFile,
  PhoneBody,
  PostersBody,
  QrResult,
  ReasonBody,
  RegisterBody,
  StaffList,
  VenueList,
  VenuePage,
  VenueSchema,
} from '@phongdich/contracts/venues';

function sendPdf(reply: FastifyReply, pdf: Buffer, filename: string) {
  return reply
    .type('application/pdf')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .header('cache-control', 'no-store')
    .send(pdf);
}

/** Check-in points: registration, review by officers, staff, QR codes and posters. */
export function venuesRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params, query and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const venues = venuesService(db);
  const review = venuesReviewService(db);
  const manage = venuesManageService(db);
  const tags = ['venues'];
  const byId = <E extends { body?: TSchema }>(summary: string, extra = {} as E) => ({
    schema: { tags, summary, params: IdParams, response: { 200: VenueSchema }, ...extra },
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
      const res = await venues.register(auditContext(request), request.body, idempotencyKeyOf(request));
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
    async (request) => venues.list(auditContext(request), request.query),
  );
  app.get(
    '/api/me/venues',
    { schema: { tags, summary: 'Điểm tôi quản lý / Points I own or staff', response: { 200: VenueList } } },
    async (request) => venues.mine(auditContext(request)),
  );
  app.get('/api/venues/:id', byId('Xem điểm / Read a point'), async (request) =>
    venues.get(auditContext(request), request.params.id),
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
    async (request) => venues.children(auditContext(request), request.params.id),
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
      const { items } = request.body;
      const res = await venues.addChildren(
        auditContext(request),
        request.params.id,
        items,
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(res.body);
    },
  );
  app.post('/api/venues/:id/approve', byId('Duyệt điểm / Approve a point'), async (request) =>
    review.approve(auditContext(request), request.params.id),
  );
  app.post(
    '/api/venues/:id/suspend',
    byId('Tạm dừng điểm, thu hồi mã QR / Suspend a point, revoking its QR', { body: ReasonBody }),
    async (request) => review.suspend(auditContext(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/venues/:id/reject',
    byId('Từ chối điểm chờ duyệt / Reject a point waiting for review', { body: ReasonBody }),
    async (request) => review.reject(auditContext(request), request.params.id, request.body.reason),
  );
  app.post('/api/venues/:id/reactivate', byId('Cho hoạt động lại / Reactivate a point'), async (request) =>
    review.reactivate(auditContext(request), request.params.id),
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
    async (request) => manage.qr(auditContext(request), request.params.id),
  );
  app.get(
    '/api/venues/:id/poster.pdf',
    { schema: { tags, summary: 'Áp phích A4 / A4 poster', params: IdParams, response: { 200: PdfFile } } },
    async (request, reply) =>
      sendPdf(reply, await manage.posters(auditContext(request), [request.params.id]), 'ma-qr-diem.pdf'),
  );
  app.post(
    '/api/venues/posters.pdf',
    {
      schema: {
        tags,
        summary: 'Nhiều áp phích / Bulk posters',
        body: PostersBody,
        response: { 200: PdfFile },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await manage.posters(auditContext(request), request.body.venueIds),
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
        response: { 200: PdfFile },
      },
    },
    async (request, reply) =>
      sendPdf(
        reply,
        await manage.childPosters(auditContext(request), request.params.id),
        'ma-qr-diem-con.pdf',
      ),
  );
  const staffSchema = <E extends { body?: TSchema }>(summary: string, extra = {} as E) => ({
    schema: { tags, summary, params: IdParams, ...extra, response: { 200: StaffList } },
  });
  app.get('/api/venues/:id/staff', staffSchema('Nhân viên / Staff'), async (request) =>
    manage.staff(auditContext(request), request.params.id),
  );
  app.post(
    '/api/venues/:id/staff',
    staffSchema('Thêm nhân viên / Add staff', { body: PhoneBody }),
    async (request) => manage.addStaff(auditContext(request), request.params.id, request.body.phone),
  );
  // A POST with the phone in the body: phone numbers never go in URLs.
  app.post(
    '/api/venues/:id/staff/remove',
    staffSchema('Bỏ nhân viên / Remove staff', { body: PhoneBody }),
    async (request) => manage.removeStaff(auditContext(request), request.params.id, request.body.phone),
  );
}
