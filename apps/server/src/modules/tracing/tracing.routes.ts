import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import * as S from '@phongdich/contracts/tracing';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { contactsService } from './tracing.contacts';
import { clustersService } from './tracing.clusters';
import { graphService } from './tracing.graph';
import { namedRegisterService } from './tracing.named-register';
import { proximityService } from './tracing.proximity';

const tags = ['tracing'];

/** Contact tracing (issue #13 §2–3): contacts F1, F2…, proximity logs, the chain graph, clusters. */
export function tracingRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const contacts = contactsService(db);
  const clusters = clustersService(db);
  const graph = graphService(db);
  const proximity = proximityService(db);
  const namedRegister = namedRegisterService(db);

  app.post(
    '/api/tracing/cases/:id/discover',
    {
      schema: {
        tags,
        summary: 'Tìm người tiếp xúc của ca bệnh / Find the case’s contacts',
        params: S.IdParams,
      },
    },
    async (req) => contacts.discover(auditContext(req), req.params.id),
  );
  app.get(
    '/api/tracing/cases/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Người tiếp xúc của ca bệnh, xếp theo mức phơi nhiễm / The case’s contacts, ranked',
        params: S.IdParams,
        querystring: S.ContactsQuery,
      },
    },
    async (req) => contacts.ofCase(auditContext(req), req.params.id, req.query),
  );
  app.post(
    '/api/tracing/cases/:id/contacts',
    {
      schema: {
        tags,
        summary: 'Thêm người tiếp xúc ca bệnh khai / Add a contact the case named',
        params: S.IdParams,
        body: S.NamedBody,
      },
    },
    async (req) => contacts.addNamed(auditContext(req), req.params.id, req.body),
  );
  app.get(
    '/api/tracing/cases/:id/named',
    {
      schema: {
        tags,
        summary: 'Người ca bệnh khai trong phiếu điều tra / Contacts named in the investigation',
        params: S.IdParams,
        response: { 200: S.NamedLines },
      },
    },
    async (req) => contacts.named(auditContext(req), req.params.id),
  );
  app.post(
    '/api/tracing/named/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Gán người trong sổ cho dòng khai báo / Resolve a named line to a person',
        params: S.IdParams,
        body: S.ResolveNamedBody,
      },
    },
    async (req) => contacts.resolveNamed(auditContext(req), req.params.id, req.body.personId),
  );
  app.get(
    '/api/tracing/named',
    {
      schema: {
        tags,
        summary: 'Dòng khai báo chờ xác định người trong địa bàn / Named lines waiting in your area',
        response: { 200: S.NamedWaiting },
      },
    },
    async (req) => namedRegister.waiting(auditContext(req)),
  );
  app.post(
    '/api/tracing/named/:id/register',
    {
      schema: {
        tags,
        summary: 'Đăng ký người mới từ dòng khai báo / Register a new person from a named line',
        params: S.IdParams,
        body: S.RegisterNamedBody,
        response: { 200: S.RegisterNamedAnswer, 201: S.RegisterNamedAnswer },
      },
    },
    async (req, reply) => {
      const res = await namedRegister.register(auditContext(req), req.params.id, req.body);
      return reply.status(res.created ? 201 : 200).send(res);
    },
  );
  app.post(
    '/api/tracing/cases/:id/contacts/bulk',
    {
      schema: {
        tags,
        summary: 'Xác nhận/loại cả danh sách một địa điểm / Decide a venue’s whole list',
        params: S.IdParams,
        body: S.BulkBody,
      },
    },
    async (req) => contacts.bulk(auditContext(req), req.params.id, req.body),
  );
  app.get(
    '/api/tracing/cases',
    { schema: { tags, summary: 'Ca bệnh đã truy vết trong địa bàn / Cases traced in your area' } },
    async (req) => contacts.tracedCases(auditContext(req)),
  );
  app.get(
    '/api/tracing/contacts',
    {
      schema: {
        tags,
        summary: 'Người tiếp xúc sống trong địa bàn / Contacts living in your area',
        querystring: S.AreaContactsQuery,
      },
    },
    async (req) => contacts.inArea(auditContext(req), req.query),
  );
  app.post(
    '/api/tracing/contacts/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận F (thông báo, đề xuất cách ly) / Confirm a contact',
        params: S.IdParams,
      },
    },
    async (req) => contacts.confirm(auditContext(req), req.params.id),
  );
  app.post(
    '/api/tracing/contacts/:id/dismiss',
    {
      schema: {
        tags,
        summary: 'Loại khỏi danh sách / Dismiss a candidate',
        params: S.IdParams,
        body: S.DismissBody,
      },
    },
    async (req) => contacts.dismiss(auditContext(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/tracing/contacts/:id/expand',
    {
      schema: {
        tags,
        summary: 'Tìm F tiếp theo từ người tiếp xúc / Trace the next generation',
        params: S.IdParams,
      },
    },
    async (req) => contacts.expand(auditContext(req), req.params.id),
  );
  app.get(
    '/api/tracing/graph',
    { schema: { tags, summary: 'Chuỗi lây nhiễm / Transmission chains', querystring: S.GraphQuery } },
    async (req) => graph.graph(auditContext(req), req.query),
  );
  app.get(
    '/api/me/exposures',
    { schema: { tags, summary: 'Thông báo tiếp xúc của tôi / My exposure notices' } },
    async (req) => contacts.mine(auditContext(req)),
  );
  app.get(
    '/api/me/proximity/ids',
    {
      schema: {
        tags,
        summary: 'Mã tiếp xúc luân phiên của tôi / My rotating proximity identifiers',
        querystring: S.IdsQuery,
      },
    },
    async (req) => proximity.identifiers(auditContext(req), req.query.day),
  );
  app.post(
    '/api/tracing/cases/:id/proximity-code',
    { schema: { tags, summary: 'Cấp mã tải nhật ký tiếp xúc / Issue an upload code', params: S.IdParams } },
    async (req, reply) => reply.status(201).send(await proximity.issueCode(auditContext(req), req.params.id)),
  );
  app.post(
    '/api/proximity/uploads',
    {
      schema: {
        tags,
        summary: 'Tải nhật ký tiếp xúc (mã một lần) / Upload an encounter log',
        body: S.UploadBody,
      },
    },
    async (req, reply) => {
      const res = await proximity.upload(auditContext(req), req.body);
      return reply.status(res.duplicate ? 200 : 201).send(res);
    },
  );
  app.get(
    '/api/tracing/clusters',
    {
      schema: {
        tags,
        summary: 'Ổ dịch trong địa bàn / Clusters in your area',
        querystring: S.ClustersQuery,
        response: { 200: S.ClusterList },
      },
    },
    async (req) => clusters.list(auditContext(req), req.query.status),
  );
  app.get(
    '/api/tracing/clusters/:id',
    {
      schema: {
        tags,
        summary: 'Ổ dịch: ca bệnh, người tiếp xúc, địa điểm / A cluster over time',
        params: S.IdParams,
        response: { 200: S.ClusterDetail },
      },
    },
    async (req) => clusters.get(auditContext(req), req.params.id),
  );
  app.post(
    '/api/tracing/clusters/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận và đặt tên ổ dịch / Confirm and name a cluster',
        params: S.IdParams,
        body: S.ClusterNameBody,
        response: { 200: S.ClusterView },
      },
    },
    async (req) => clusters.confirm(auditContext(req), req.params.id, req.body.name),
  );
  app.post(
    '/api/tracing/clusters/:id/close',
    {
      schema: {
        tags,
        summary: 'Đóng ổ dịch / Close a cluster',
        params: S.IdParams,
        response: { 200: S.ClusterView },
      },
    },
    async (req) => clusters.close(auditContext(req), req.params.id),
  );
  app.post(
    '/api/tracing/clusters/:id/expand',
    {
      schema: {
        tags,
        summary: 'Tìm F2 cho cả ổ dịch / Trace F2 for a whole cluster',
        params: S.IdParams,
        response: { 200: S.ClusterExpansion },
      },
    },
    async (req) => clusters.expand(auditContext(req), req.params.id),
  );
}
