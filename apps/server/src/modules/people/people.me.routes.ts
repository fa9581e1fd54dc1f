import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Db } from '../../core/db/db';
import { peopleMeService } from './people.me.service';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { FamilyBody, MeResult, PatchBody, PersonBody, PersonSchema } from '@phongdich/contracts/people';

/** The signed-in citizen's own record and the family members they declared. */
export function peopleMeRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get the body type from its schema: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const me = peopleMeService(db);
  const tags = ['people'];

  app.get(
    '/api/me/person',
    { schema: { tags, summary: 'Hồ sơ của tôi / My record and family', response: { 200: MeResult } } },
    async (request) => me.get(auditContext(request)),
  );
  app.post(
    '/api/me/person',
    {
      schema: {
        tags,
        summary:
          'Tạo hoặc nhận hồ sơ của tôi (hỗ trợ Idempotency-Key) / Create or claim my record (Idempotency-Key supported)',
        body: PersonBody,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await me.createOwn(auditContext(request), request.body, idempotencyKeyOf(request))),
  );
  app.patch(
    '/api/me/person',
    {
      schema: {
        tags,
        summary: 'Sửa hồ sơ của tôi (trừ số giấy tờ) / Edit my record (not identity numbers)',
        body: PatchBody,
        response: { 200: PersonSchema },
      },
    },
    async (request) => me.updateOwn(auditContext(request), request.body),
  );
  app.post(
    '/api/me/family',
    {
      schema: {
        tags,
        summary: 'Khai báo người thân (hỗ trợ Idempotency-Key) / Declare a family member',
        body: FamilyBody,
        response: { 201: PersonSchema },
      },
    },
    async (request, reply) => {
      const res = await me.addFamily(auditContext(request), request.body, idempotencyKeyOf(request));
      return reply.status(201).send(res.body);
    },
  );
}
