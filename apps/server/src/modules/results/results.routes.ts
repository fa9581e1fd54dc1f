import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CertificateSchema,
  MyResultsSchema,
  PersonResultsParams,
  PersonResultsSchema,
  ResultParams,
} from '@phongdich/contracts/results';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { resultsService } from './results.service';

const tags = ['results'];

/** A citizen's released results (own and family) and their signed certificates. */
export function resultsRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const service = resultsService(db);
  app.get(
    '/api/me/results',
    {
      schema: {
        tags,
        summary: 'Kết quả xét nghiệm của tôi và người thân / My and my family’s results',
        response: { 200: MyResultsSchema },
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
        params: PersonResultsParams,
        response: { 200: PersonResultsSchema },
      },
    },
    async (request) => service.ofPerson(auditContext(request), request.params.id),
  );
  app.get(
    '/api/me/results/:id/certificate',
    {
      schema: {
        tags,
        summary: 'Chứng nhận HC1 của một kết quả / The HC1 certificate of a result',
        params: ResultParams,
        response: { 200: CertificateSchema },
      },
    },
    async (request) => {
      const c = await service.certificate(auditContext(request), request.params.id);
      return { hc1: c.hc1, uvci: c.uvci, expiresAt: c.expires_at.toISOString() };
    },
  );
  app.get(
    '/api/me/results/:id/certificate.pdf',
    { schema: { tags, summary: 'Chứng nhận bản PDF / The certificate as PDF', params: ResultParams } },
    async (request, reply) => {
      const pdf = await service.certificatePdf(auditContext(request), request.params.id);
      return reply
        .type('application/pdf')
        .header('content-disposition', 'attachment; filename="chung-nhan-xet-nghiem.pdf"')
        .header('cache-control', 'no-store')
        .send(pdf);
    },
  );
}
