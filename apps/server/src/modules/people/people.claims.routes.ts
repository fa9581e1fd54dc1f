import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ClaimDetail,
  ClaimListResult,
  ClaimParams,
  ClaimResolveBody,
  ClaimResolveResult,
} from '@phongdich/contracts/people';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { peopleClaimsService } from './people.claims.service';

/** Identity claims waiting for the commune officer who sees the papers (issue #8). */
export function identityClaimRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const claims = peopleClaimsService(db);
  const tags = ['people'];
  app.get(
    '/api/identity-claims',
    {
      schema: {
        tags,
        summary: 'Số giấy tờ chờ xác minh / Identity numbers waiting for verification',
        response: { 200: ClaimListResult },
      },
    },
    async (request) => claims.list(auditContext(request)),
  );
  app.get(
    '/api/identity-claims/:id',
    {
      schema: {
        tags,
        summary: 'Hai hồ sơ cạnh nhau / The two records side by side',
        params: ClaimParams,
        response: { 200: ClaimDetail },
      },
    },
    async (request) => claims.get(auditContext(request), request.params.id),
  );
  app.post(
    '/api/identity-claims/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Gộp, từ chối hoặc sửa số / Merge, reject or correct the number',
        params: ClaimParams,
        body: ClaimResolveBody,
        response: { 200: ClaimResolveResult },
      },
    },
    async (request) => claims.resolve(auditContext(request), request.params.id, request.body),
  );
}
