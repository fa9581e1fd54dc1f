import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { AppError } from '../../core/errors';
import { revoke } from '../keys/revocations';
import { auditContext } from '../people/people.routes';
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
    }),
  ),
});
const tags = ['certificates'];

/** Verification for anyone (the same checks a verifier app does offline) and revocation for officers. */
export function certificatesRoutes(app: FastifyInstance, db: Db): void {
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
      authorize(request.actor, 'certificate.verify');
      return verifyCertificate(db, (request.body as { hc1: string }).hc1);
    },
  );
  app.post(
    '/api/certificates/:uvci/revoke',
    {
      schema: {
        tags,
        summary: 'Thu hồi chứng nhận / Revoke a certificate',
        params: Type.Object({ uvci: Type.String({ minLength: 10, maxLength: 100 }) }),
        body: Type.Object(
          { reason: Type.String({ minLength: 3, maxLength: 500 }) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ uvci: Type.String(), revoked: Type.Literal(true) }) },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'certificate.revoke');
      const { uvci } = request.params as { uvci: string };
      const { reason } = request.body as { reason: string };
      return db.transaction(async (tx) => {
        const cert = await tx.query<{ person_id: string }>(
          'select person_id from test_certificates where uvci = $1',
          [uvci],
        );
        if (!cert[0]) throw new AppError('CERTIFICATE_NOT_FOUND');
        await revoke(tx, {
          type: 'DCC',
          id: uvci,
          reason,
          revokedBy: ctx.actor.kind === 'anonymous' ? null : ctx.actor.accountId,
        });
        await recordAudit(tx, ctx, {
          action: 'certificate.revoke',
          personId: cert[0].person_id,
          reason,
          details: { uvci },
        });
        return { uvci, revoked: true as const };
      });
    },
  );
}
