import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { publicKeys, rotateSigningKey, type KeyPurpose } from './keys.service';
import { revocationChangesSince } from './revocations';
import { auditContext } from '../../core/http/request-audit';
import { trustListRoutes } from './trust-list.routes';

const KeyRecord = Type.Object({
  kid: Type.String(),
  alg: Type.Literal('ES256'),
  publicKeyJwk: Type.Object({}, { additionalProperties: true }),
  publicKeySpki: Type.String(),
  certificate: Type.Union([Type.String(), Type.Null()]),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  createdAt: Type.String(),
});
const Purpose = Type.Union([Type.Literal('qr'), Type.Literal('dcc')]);

/** Public trust lists and revocations, so scanners and verifiers can check codes offline. */
export function keysRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/keys/:purpose',
    {
      schema: {
        tags: ['keys'],
        summary: 'Published public keys (trust list) for QR tokens or certificates',
        params: Type.Object({ purpose: Purpose }),
        response: { 200: Type.Object({ keys: Type.Array(KeyRecord) }) },
      },
    },
    async (request, reply) => {
      const { purpose } = request.params as { purpose: KeyPurpose };
      reply.header('cache-control', 'public, max-age=300');
      return { keys: await publicKeys(db, purpose) };
    },
  );

  app.get(
    '/api/keys/revocations',
    {
      schema: {
        tags: ['keys'],
        summary: 'Revocations in force, or made and lifted since a time (for offline scanners)',
        querystring: Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                type: Type.String(),
                id: Type.String(),
                revokedAt: Type.String({ format: 'date-time' }),
                reinstatedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
                changedAt: Type.String({ format: 'date-time' }),
              }),
            ),
            asOf: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const { since } = request.query as { since?: string };
      const asOf = new Date().toISOString();
      return { items: await revocationChangesSince(db, since ? new Date(since) : null), asOf };
    },
  );

  app.post(
    '/api/keys/:purpose/rotate',
    {
      schema: {
        tags: ['keys'],
        summary: 'Retire the active signing key and create a new one (national administrator)',
        params: Type.Object({ purpose: Purpose }),
        response: { 200: KeyRecord },
      },
    },
    async (request) => {
      const { purpose } = request.params as { purpose: KeyPurpose };
      return rotateSigningKey(db, auditContext(request), purpose);
    },
  );
  trustListRoutes(app, db);
}
