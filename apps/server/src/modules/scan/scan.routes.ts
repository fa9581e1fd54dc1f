import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  PendingIdentityList,
  PendingIdentityParams,
  PendingMergeBody,
  PendingResolvedSchema,
  ScanBody,
  ScanResultWire,
} from '@phongdich/contracts/scan';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { scanService } from './scan.service';
import { pendingIdentitiesService } from './scan.pending.service';

/** The one scanner endpoint (codes are personal data: always in a POST body). */
export function scanRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const scan = scanService(db);
  app.post(
    '/api/scan/resolve',
    {
      schema: {
        tags: ['scan'],
        summary: 'Đọc mọi loại mã / Resolve any scanned code',
        body: ScanBody,
        response: { 200: ScanResultWire },
      },
    },
    async (request) => scan.resolve(auditContext(request), request.body),
  );

  const pending = pendingIdentitiesService(db);
  const tags = ['scan'];
  app.get(
    '/api/pending-identities',
    {
      schema: {
        tags,
        summary: 'Khách quét thẻ chưa có trong sổ dân cư / Scanned visitors not in the registry',
        response: { 200: PendingIdentityList },
      },
    },
    async (request) => pending.list(auditContext(request)),
  );
  app.post(
    '/api/pending-identities/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận là người mới / Confirm as a new person',
        params: PendingIdentityParams,
        response: { 200: PendingResolvedSchema },
      },
    },
    async (request) => pending.confirm(auditContext(request), request.params.id),
  );
  app.post(
    '/api/pending-identities/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp vào người đã có / Merge into an existing person',
        params: PendingIdentityParams,
        body: PendingMergeBody,
        response: { 200: PendingResolvedSchema },
      },
    },
    async (request) => pending.merge(auditContext(request), request.params.id, request.body.personId),
  );
}
