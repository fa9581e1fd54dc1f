import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  PublishedTrustList,
  TrustedSignerList,
  TrustedSignerParams,
  TrustedSignerRemoved,
  TrustListImportAnswer,
  TrustListImportBody,
  VerifierTrustList,
} from '@phongdich/contracts/trust-list';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { publishedTrustList, trustListService } from './trust-list';
import { trustedSignersList } from './verifier-trust';

const tags = ['keys'];

/** Our signers published in the EU gateway's form; other issuers' signers imported by the administrator. */
export function trustListRoutes(base: FastifyInstance, db: Db): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const trust = trustListService(db);

  app.get(
    '/api/keys/dcc/trust-list',
    {
      schema: {
        tags,
        summary: 'Đơn vị ký của Việt Nam (dạng danh sách EU) / Our document signers, EU gateway form',
        response: { 200: PublishedTrustList },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=300');
      return publishedTrustList(db);
    },
  );

  app.get(
    '/api/keys/dcc/signers',
    {
      schema: {
        tags,
        summary:
          'Mọi đơn vị ký được tin cậy (cho máy quét ngoại tuyến) / Every trusted signer, for offline verifiers',
        response: { 200: VerifierTrustList },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'public, max-age=60');
      const signers = await trustedSignersList(db);
      return {
        signers: signers.map((s) => ({
          kid: s.kid,
          alg: s.alg,
          publicKeySpki: s.spki,
          allowedTypes: s.allowedTypes,
          country: s.country,
          source: s.source,
          ...(s.notBefore &&
            s.notAfter && { notBefore: s.notBefore.toISOString(), notAfter: s.notAfter.toISOString() }),
        })),
      };
    },
  );

  app.get(
    '/api/trust-list',
    {
      schema: {
        tags,
        summary: 'Đơn vị ký nước ngoài đã nhập / Imported signers of other issuers',
        response: { 200: TrustedSignerList },
      },
    },
    async (req) => ({ items: await trust.list(auditContext(req)) }),
  );

  app.post(
    '/api/trust-list/imports',
    {
      bodyLimit: 6 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Nhập tệp danh sách tin cậy (EU JSON, PEM, DER) / Import a trust-list file',
        body: TrustListImportBody,
        response: { 201: TrustListImportAnswer },
      },
    },
    async (req, reply) => reply.status(201).send(await trust.importFile(auditContext(req), req.body)),
  );

  app.post(
    '/api/trust-list/:id/remove',
    {
      schema: {
        tags,
        summary: 'Bỏ một đơn vị ký khỏi danh sách tin cậy / Remove a signer from the trust list',
        params: TrustedSignerParams,
        response: { 200: TrustedSignerRemoved },
      },
    },
    async (req) => trust.remove(auditContext(req), req.params.id),
  );
}
