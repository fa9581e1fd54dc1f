import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { aefiService } from './vaccination.aefi';
import { bookingsService } from './vaccination.bookings';
import { catalogueService } from './vaccination.catalogue';
import { coverageService } from './vaccination.coverage';
import { dayService } from './vaccination.day';
import { dosesService } from './vaccination.doses';
import { mineService } from './vaccination.mine';
import { siteFiguresService } from './vaccination.site-figures';
import { sitesService } from './vaccination.sites';
import { vaccinationImportRoutes } from './vaccination.import.routes';
import * as S from '@phongdich/contracts/vaccination';

const tags = ['vaccination'];

/** Vaccination (issue #12): catalogue, sites, campaigns, slots, bookings, screening, doses, AEFI, certificates. */
export function vaccinationRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params, query and body types from their schemas (packages/contracts): no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const catalogue = catalogueService(db);
  const sites = sitesService(db);
  const bookings = bookingsService(db);
  const day = dayService(db);
  const doses = dosesService(db);
  const aefi = aefiService(db);
  const mine = mineService(db);
  vaccinationImportRoutes(app, db);
  const coverage = coverageService(db);
  const siteFigures = siteFiguresService(db);

  app.get(
    '/api/vaccination/catalogue',
    {
      schema: {
        tags,
        summary: 'Danh mục vắc xin (các phiên bản) / Vaccine catalogue versions',
        querystring: S.DiseaseQuery,
      },
    },
    async (req) => catalogue.list(auditContext(req), req.query.disease ?? 'covid-19'),
  );
  app.post(
    '/api/vaccination/catalogue',
    { schema: { tags, summary: 'Phiên bản danh mục mới / A new catalogue version', body: S.CatalogueBody } },
    async (req, reply) =>
      reply.status(201).send(await catalogue.create(auditContext(req), req.body, idempotencyKeyOf(req))),
  );
  app.get(
    '/api/vaccination/sites',
    {
      schema: {
        tags,
        summary: 'Điểm tiêm trong địa bàn / Sites in your area',
        response: { 200: S.SiteListSchema },
      },
    },
    async (req) => sites.list(auditContext(req)),
  );
  app.post(
    '/api/vaccination/sites',
    {
      schema: {
        tags,
        summary: 'Tạo điểm tiêm / Create a vaccination site',
        body: S.SiteBody,
        response: { 201: S.SiteSchema },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await sites.create(auditContext(req), req.body, idempotencyKeyOf(req))),
  );
  app.get(
    '/api/vaccination/sites/:id/lots',
    {
      schema: {
        tags,
        summary: 'Lô vắc xin của điểm tiêm / The site’s vaccine lots',
        params: S.IdParams,
        response: { 200: S.LotListSchema },
      },
    },
    async (req) => sites.lots(auditContext(req), req.params.id),
  );
  app.post(
    '/api/vaccination/sites/:id/lots',
    {
      schema: {
        tags,
        summary: 'Nhập lô vắc xin / Receive a vaccine lot',
        params: S.IdParams,
        body: S.LotBody,
        response: { 201: S.LotSchema },
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await sites.addLot(auditContext(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.get(
    '/api/vaccination/sites/:id/day',
    {
      schema: {
        tags,
        summary: 'Danh sách trong ngày / The site’s day list',
        params: S.IdParams,
        querystring: S.DayQuery,
        response: { 200: S.DayListSchema },
      },
    },
    async (req) => day.day(auditContext(req), req.params.id, req.query.date),
  );
  app.get(
    '/api/vaccination/sites/:id/people/:personId',
    {
      schema: {
        tags,
        summary: 'Lịch sử tiêm và mũi kế tiếp / Doses and the next dose',
        params: S.SitePersonParams,
        response: { 200: S.PersonAtSiteSchema },
      },
    },
    async (req) => {
      const p = req.params;
      return doses.person(auditContext(req), p.personId, p.id);
    },
  );
  app.post(
    '/api/vaccination/campaigns',
    { schema: { tags, summary: 'Tạo chiến dịch tiêm / Create a campaign', body: S.CampaignBody } },
    async (req, reply) => {
      const { unitCode, ...rest } = req.body;
      return reply
        .status(201)
        .send(
          await sites.createCampaign(
            auditContext(req),
            { ...rest, areaCode: unitCode },
            idempotencyKeyOf(req),
          ),
        );
    },
  );
  app.post(
    '/api/vaccination/campaigns/:id/slots',
    { schema: { tags, summary: 'Mở khung giờ tiêm / Open a slot', params: S.IdParams, body: S.SlotBody } },
    async (req, reply) =>
      reply
        .status(201)
        .send(await sites.createSlot(auditContext(req), req.params.id, req.body, idempotencyKeyOf(req))),
  );
  app.get(
    '/api/vaccination/slots',
    {
      schema: {
        tags,
        summary: 'Khung giờ còn chỗ / Slots with room',
        querystring: S.SlotsQuery,
        response: { 200: S.SlotListSchema },
      },
    },
    async (req) => bookings.openSlots(auditContext(req), req.query),
  );
  app.post(
    '/api/vaccination/bookings',
    {
      schema: { tags, summary: 'Đặt lịch tiêm (hỗ trợ Idempotency-Key) / Book a slot', body: S.BookingBody },
    },
    async (req, reply) => {
      const res = await bookings.book(auditContext(req), req.body, idempotencyKeyOf(req));
      return reply.status(res.status).send(res.body);
    },
  );
  app.get(
    '/api/vaccination/bookings/mine',
    { schema: { tags, summary: 'Lịch hẹn của tôi / My bookings' } },
    async (req) => bookings.mine(auditContext(req)),
  );
  app.get(
    '/api/vaccination/mine',
    { schema: { tags, summary: 'Mũi tiêm và chứng nhận của tôi / My doses and certificates' } },
    async (req) => mine.list(auditContext(req)),
  );
  app.get(
    '/api/vaccination/mine/:personId/certificate.pdf',
    {
      schema: {
        tags,
        summary: 'Chứng nhận tiêm chủng PDF / Vaccination certificate as PDF',
        params: S.PersonParams,
      },
    },
    async (req, reply) => {
      const pdf = await mine.pdf(auditContext(req), req.params.personId);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="chung-nhan-tiem-chung.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
  app.post(
    '/api/vaccination/screenings',
    {
      schema: {
        tags,
        summary: 'Khám sàng lọc không tiêm / A screening that ends without a dose',
        body: S.ScreeningBody,
        response: { 200: S.ScreeningRecordedSchema },
      },
    },
    async (req) => doses.screen(auditContext(req), req.body),
  );
  app.post(
    '/api/vaccination/doses',
    {
      schema: {
        tags,
        summary: 'Ghi nhận mũi tiêm (ngoại tuyến, mã thiết bị) / Record a dose (offline, client id)',
        body: S.DoseBody,
        response: { 200: S.DoseRecordedSchema, 201: S.DoseRecordedSchema },
      },
    },
    async (req, reply) => {
      const res = await doses.record(auditContext(req), req.body);
      return reply.status(res.duplicate ? 200 : 201).send(res);
    },
  );
  app.post(
    '/api/vaccination/adverse-events',
    {
      schema: {
        tags,
        summary: 'Báo phản ứng sau tiêm / Report an adverse event',
        body: S.AefiBody,
        response: { 200: S.AefiReportedSchema, 201: S.AefiReportedSchema },
      },
    },
    async (req, reply) => {
      const res = await aefi.report(auditContext(req), req.body);
      return reply.status(res.duplicate ? 200 : 201).send(res);
    },
  );

  app.get(
    '/api/vaccination/sites/:id/due',
    {
      schema: {
        tags,
        summary: 'Người đến hạn mũi tiếp theo (phân trang) / Due for a next dose (paged)',
        params: S.IdParams,
        querystring: S.DueQuery,
        response: { 200: S.DuePageSchema },
      },
    },
    async (req) => day.due(auditContext(req), req.params.id, req.query),
  );
  app.post(
    '/api/vaccination/bookings/:id/arrival',
    {
      schema: {
        tags,
        summary: 'Người hẹn đã đến / The booked person has arrived',
        params: S.BookingParams,
        response: { 200: S.ArrivalSchema },
      },
    },
    async (req) => day.arrive(auditContext(req), req.params.id),
  );
  app.get(
    '/api/vaccination/sites/:id/figures',
    {
      schema: {
        tags,
        summary: 'Số mũi theo ngày và lô đã dùng / Doses per day and lots used',
        params: S.IdParams,
        querystring: S.SiteFiguresQuery,
        response: { 200: S.SiteFiguresSchema },
      },
    },
    async (req) => siteFigures.read(auditContext(req), req.params.id, req.query),
  );
  app.get(
    '/api/vaccination/coverage',
    {
      schema: {
        tags,
        summary: 'Độ bao phủ tiêm chủng / Vaccination coverage',
        querystring: S.CoverageQuery,
        response: { 200: S.CoverageSchema },
      },
    },
    async (req) => coverage.read(auditContext(req), req.query),
  );
}
