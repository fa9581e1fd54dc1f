import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { resultsService } from './results.service';

const Result = Type.Object({
  id: Type.String(),
  result: Type.String(),
  testType: Type.String(),
  pooled: Type.Boolean(),
  collectedAt: Type.Union([Type.String(), Type.Null()]),
  releasedAt: Type.String(),
  labName: Type.Union([Type.String(), Type.Null()]),
  hasCertificate: Type.Boolean(),
  /** The lab corrected this result after releasing it (the value shown is the corrected one). */
  corrected: Type.Boolean(),
});
/** An officer's view of one person: the certificate itself stays with the citizen. */
const PersonResults = Type.Object({
  retestPending: Type.Boolean(),
  results: Type.Array(Type.Omit(Result, ['hasCertificate'])),
});
const MyResults = Type.Object({
  people: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      self: Type.Boolean(),
      retestPending: Type.Boolean(),
      results: Type.Array(Result),
    }),
  ),
});
const Params = Type.Object({ id: Type.String({ maxLength: 64 }) });
const tags = ['results'];

/** A citizen's released results (own and family) and their signed certificates. */
export function resultsRoutes(app: FastifyInstance, db: Db): void {
  const service = resultsService(db);
  const idOf = (p: unknown) => (p as { id: string }).id;
  app.get(
    '/api/me/results',
    {
      schema: {
        tags,
        summary: 'Kết quả xét nghiệm của tôi và người thân / My and my family’s results',
        response: { 200: MyResults },
      },
    },
    async (request) => service.mine(auditContext(request)),
  );
  app.get(
    '/api/people/:id/results',
    {
      schema: {
        tags,
        summary: 'Kết quả xét nghiệm của một người (cán bộ) / A person’s test results (officers)',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: { 200: PersonResults },
      },
    },
    async (request) => service.ofPerson(auditContext(request), idOf(request.params)),
  );
  app.get(
    '/api/me/results/:id/certificate',
    {
      schema: {
        tags,
        summary: 'Chứng nhận HC1 của một kết quả / The HC1 certificate of a result',
        params: Params,
        response: { 200: Type.Object({ hc1: Type.String(), uvci: Type.String(), expiresAt: Type.String() }) },
      },
    },
    async (request) => {
      const c = await service.certificate(auditContext(request), idOf(request.params));
      return { hc1: c.hc1, uvci: c.uvci, expiresAt: c.expires_at.toISOString() };
    },
  );
  app.get(
    '/api/me/results/:id/certificate.pdf',
    { schema: { tags, summary: 'Chứng nhận bản PDF / The certificate as PDF', params: Params } },
    async (request, reply) => {
      const pdf = await service.certificatePdf(auditContext(request), idOf(request.params));
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="chung-nhan-xet-nghiem.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
