import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  KeyPurposeParams,
  PublicKeyList,
  PublicKeyRecordSchema,
  RevocationList,
  RevocationsQuery,
} from '@phongdich/contracts/keys';
import type { Db } from '../../core/db/db';
import { publicKeys, rotateSigningKey } from './keys.service';
import { revocationChangesSince } from './revocations';
import { auditContext } from '../../core/http/request-audit';
import { trustListRoutes } from './trust-list.routes';

/** Public trust lists and revocations, so scanners and verifiers can check codes offline. */
export function keysRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  app.get(
    '/api/keys/:purpose',
    {
      schema: {
        tags: ['keys'],
        summary: 'Published public keys (trust list) for QR tokens or certificates',
        params: KeyPurposeParams,
        response: { 200: PublicKeyList },
      },
    },
    async (request, reply) => {
      const { purpose } = request.params;
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
        querystring: RevocationsQuery,
        response: { 200: RevocationList },
      },
    },
    async (request) => {
      const { since } = request.query;
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
        params: KeyPurposeParams,
        response: { 200: PublicKeyRecordSchema },
      },
    },
    async (request) => {
      const { purpose } = request.params;
      return rotateSigningKey(db, auditContext(request), purpose);
    },
  );
  trustListRoutes(root, db);
}
