import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../core/db/db';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { identityClaimRoutes } from './people.claims.routes';
import { peopleMergeService } from './people.merge.service';
import { peopleReadService } from './people.service';
import { peopleWriteService } from './people.write.service';
import {
  BreakGlassBody,
  DuplicatesResult,
  HistoryResult,
  IdParams,
  MergeBody,
  PatchBody,
  PersonBody,
  PersonSchema,
  SearchBody,
  SearchResult,
} from '@phongdich/contracts/people';

/** The people registry. Search terms are personal data, so search is a POST (never in a URL). */
export function peopleRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const read = peopleReadService(db);
  const write = peopleWriteService(db);
  const merge = peopleMergeService(db);
  const tags = ['people'];
  identityClaimRoutes(root, db);

  app.post(
    '/api/people/search',
    {
      schema: {
        tags,
        summary: 'Tìm người / Search people',
        body: SearchBody,
        response: { 200: SearchResult },
      },
    },
    async (request) => read.search(auditContext(request), request.body),
  );
  app.get(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Xem hồ sơ / Read a person',
        params: IdParams,
        response: { 200: PersonSchema },
      },
    },
    async (request) => read.get(auditContext(request), request.params.id),
  );
  app.post(
    '/api/people/:id/break-glass',
    {
      schema: {
        tags,
        summary: 'Mở hồ sơ ngoài địa bàn, có lý do / Open a record outside your jurisdiction, with a reason',
        params: IdParams,
        body: BreakGlassBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => read.breakGlass(auditContext(request), request.params.id, request.body.reason),
  );
  app.post(
    '/api/people',
    {
      schema: {
        tags,
        summary: 'Thêm người (hỗ trợ Idempotency-Key) / Register a person (Idempotency-Key supported)',
        body: PersonBody,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) => {
      const res = await write.create(auditContext(request), request.body, idempotencyKeyOf(request));
      return reply.status(201).send(res.body);
    },
  );
  app.patch(
    '/api/people/:id',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ / Update a person',
        params: IdParams,
        body: PatchBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => write.update(auditContext(request), request.params.id, request.body),
  );
  app.get(
    '/api/people/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Hồ sơ có thể trùng / Possible duplicates',
        params: IdParams,
        response: { 200: DuplicatesResult },
      },
    },
    async (request) => merge.duplicates(auditContext(request), request.params.id),
  );
  app.post(
    '/api/people/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp hồ sơ trùng / Merge a duplicate into this record',
        params: IdParams,
        body: MergeBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => merge.merge(auditContext(request), request.params.id, request.body.duplicateId),
  );
  app.get(
    '/api/people/:id/history',
    {
      schema: {
        tags,
        summary: 'Lịch sử hồ sơ / Record history',
        params: IdParams,
        response: { 200: HistoryResult },
      },
    },
    async (request) => read.history(auditContext(request), request.params.id),
  );
}
