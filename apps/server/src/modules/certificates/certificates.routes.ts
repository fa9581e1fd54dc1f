import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CertificateLookupSchema,
  LookupBody,
  RevokeBody,
  RevokeByUvciBody,
  Revoked,
  UvciParams,
  VerificationAnswerSchema,
  VerifyBody,
} from '@phongdich/contracts/certificates';
import type { Db } from '../../core/db/db';
import { authorize } from '../../core/auth/policy';
import { auditContext, idempotencyKeyOf, requestContext } from '../../core/http/request-audit';
import { certificateRevocationService } from './certificates.revoke';
import { verifyCertificate } from './certificates.verify';

const tags = ['certificates'];

/** Verification for anyone (the same checks a verifier app does offline) and revocation for officers. */
export function certificatesRoutes(root: FastifyInstance, db: Db): void {
  // Handlers get params and body types from their schemas: no casts.
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const revocations = certificateRevocationService(db);
  app.post(
    '/api/certificates/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chứng nhận HC1 / Verify an HC1 certificate',
        body: VerifyBody,
        response: { 200: VerificationAnswerSchema },
      },
    },
    async (request) => {
      authorize(requestContext(request).actor, 'certificate.verify');
      return verifyCertificate(db, request.body.hc1);
    },
  );
  app.post(
    '/api/certificates/:uvci/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi chứng nhận / Revoke a certificate',
        params: UvciParams,
        body: RevokeBody,
        response: { 200: Revoked },
      },
    },
    async (request) => {
      const { uvci } = request.params;
      return revocations.revoke(auditContext(request), uvci, request.body.reason, idempotencyKeyOf(request));
    },
  );
  app.post(
    '/api/certificates/lookup',
    {
      schema: {
        tags,
        summary: 'Tra cứu chứng nhận để thu hồi (cán bộ, trong địa bàn) / Look a certificate up to revoke it',
        body: LookupBody,
        response: { 200: CertificateLookupSchema },
      },
    },
    async (request) => revocations.lookup(auditContext(request), request.body.uvci),
  );
  app.post(
    '/api/certificates/revoke',
    {
      schema: {
        tags,
        summary:
          'Thu hồi chứng nhận, mã trong thân yêu cầu (hỗ trợ Idempotency-Key) / Revoke a certificate, UVCI in the body',
        body: RevokeByUvciBody,
        response: { 200: Revoked },
      },
    },
    async (request) => {
      const { uvci, reason } = request.body;
      return revocations.revoke(auditContext(request), uvci, reason, idempotencyKeyOf(request));
    },
  );
}
