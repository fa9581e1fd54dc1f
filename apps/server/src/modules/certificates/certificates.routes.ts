import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { authorize } from '../../core/auth/policy';
import { auditContext, idempotencyKeyOf, requestContext } from '../../core/http/request-audit';
import { certificateRevocationService } from './certificates.revoke';
import { verifyCertificate } from './certificates.verify';

const Message = Type.Object({ vi: Type.String(), en: Type.String() });
const Answer = Type.Object({
  valid: Type.Boolean(),
  reason: Type.Optional(Type.String()),
  message: Message,
  certificate: Type.Optional(
    Type.Object({
      name: Type.String(),
      dob: Type.String(),
      type: Type.String(),
      result: Type.Optional(Type.String()),
      date: Type.String(),
      issuer: Type.String(),
      uvci: Type.String(),
      country: Type.String(),
      signer: Type.Union([Type.Literal('own'), Type.Literal('imported')]),
    }),
  ),
});
const tags = ['certificates'];
const Uvci = Type.String({ minLength: 10, maxLength: 100 });
const Reason = Type.String({ minLength: 3, maxLength: 500 });
const Revoked = Type.Object({ uvci: Type.String(), revoked: Type.Literal(true) });
const LookupAnswer = Type.Object({
  uvci: Type.String(),
  name: Type.String(),
  result: Type.String(),
  testType: Type.String(),
  pooled: Type.Boolean(),
  issuedAt: Type.String(),
  labName: Type.Union([Type.String(), Type.Null()]),
  revokedAt: Type.Union([Type.String(), Type.Null()]),
  revokeReason: Type.Union([Type.String(), Type.Null()]),
});

/** Verification for anyone (the same checks a verifier app does offline) and revocation for officers. */
export function certificatesRoutes(app: FastifyInstance, db: Db): void {
  const revocations = certificateRevocationService(db);
  app.post(
    '/api/certificates/verify',
    {
      schema: {
        tags,
        summary: 'Kiểm tra chứng nhận HC1 / Verify an HC1 certificate',
        body: Type.Object(
          { hc1: Type.String({ minLength: 1, maxLength: 8000 }) },
          { additionalProperties: false },
        ),
        response: { 200: Answer },
      },
    },
    async (request) => {
      authorize(requestContext(request).actor, 'certificate.verify');
      return verifyCertificate(db, (request.body as { hc1: string }).hc1);
    },
  );
  app.post(
    '/api/certificates/:uvci/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi chứng nhận / Revoke a certificate',
        params: Type.Object({ uvci: Uvci }),
        body: Type.Object({ reason: Reason }, { additionalProperties: false }),
        response: { 200: Revoked },
      },
    },
    async (request) => {
      const { uvci } = request.params as { uvci: string };
      const { reason } = request.body as { reason: string };
      return revocations.revoke(auditContext(request), uvci, reason, idempotencyKeyOf(request));
    },
  );
  app.post(
    '/api/certificates/lookup',
    {
      schema: {
        tags,
        summary: 'Tra cứu chứng nhận để thu hồi (cán bộ, trong địa bàn) / Look a certificate up to revoke it',
        body: Type.Object({ uvci: Uvci }, { additionalProperties: false }),
        response: { 200: LookupAnswer },
      },
    },
    async (request) => revocations.lookup(auditContext(request), (request.body as { uvci: string }).uvci),
  );
  app.post(
    '/api/certificates/revoke',
    {
      schema: {
        tags,
        summary:
          'Thu hồi chứng nhận, mã trong thân yêu cầu (hỗ trợ Idempotency-Key) / Revoke a certificate, UVCI in the body',
        body: Type.Object({ uvci: Uvci, reason: Reason }, { additionalProperties: false }),
        response: { 200: Revoked },
      },
    },
    async (request) => {
      const { uvci, reason } = request.body as { uvci: string; reason: string };
      return revocations.revoke(auditContext(request), uvci, reason, idempotencyKeyOf(request));
    },
  );
}
