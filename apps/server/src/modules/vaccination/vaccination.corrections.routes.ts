import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CorrectionBody,
  CorrectionDecision,
  CorrectionEvidenceParams,
  CorrectionFiled,
  CorrectionIdParams,
  CorrectionList,
  CorrectionListQuery,
  CorrectionReview,
  DecisionBody,
  EVIDENCE_MAX_BYTES,
  RejectBody,
} from '@phongdich/contracts/vaccination-corrections';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { correctionsService } from './vaccination.corrections';
import { correctionDecisions } from './vaccination.corrections.decide';

const tags = ['vaccination'];
const EXTENSION: Record<string, string> = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/pdf': 'pdf',
};

/** Citizen corrections (issue #12 §5): filing, the citizen's list, the reviewers' list and decisions. */
export function vaccinationCorrectionsRoutes(base: FastifyInstance, db: Db): void {
  const app = base.withTypeProvider<TypeBoxTypeProvider>();
  const corrections = correctionsService(db);
  const decisions = correctionDecisions(db);

  app.post(
    '/api/vaccination/corrections',
    {
      // The evidence travels base64 in the JSON body: 5 MB of file is about 6.7 MB of text.
      bodyLimit: Math.ceil((EVIDENCE_MAX_BYTES * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary: 'Báo thiếu/sai mũi tiêm (kèm minh chứng) / Report a missing or wrong dose, with evidence',
        body: CorrectionBody,
        response: {
          200: CorrectionFiled,
          201: CorrectionFiled,
        },
      },
    },
    async (req, reply) => {
      const out = await corrections.file(auditContext(req), req.body);
      return reply.status(out.duplicate ? 200 : 201).send(out);
    },
  );
  app.get(
    '/api/vaccination/corrections/mine',
    {
      schema: {
        tags,
        summary: 'Yêu cầu điều chỉnh của tôi và gia đình / My and my family’s correction requests',
        response: { 200: CorrectionList },
      },
    },
    async (req) => ({ items: await corrections.mine(auditContext(req)) }),
  );
  app.get(
    '/api/vaccination/corrections',
    {
      schema: {
        tags,
        summary: 'Yêu cầu điều chỉnh cần xét (địa bàn / điểm tiêm) / Correction requests to review',
        querystring: CorrectionListQuery,
        response: { 200: CorrectionList },
      },
    },
    async (req) => ({ items: await corrections.list(auditContext(req), req.query.status) }),
  );
  app.get(
    '/api/vaccination/corrections/:id',
    {
      schema: {
        tags,
        summary: 'Xét một yêu cầu bên cạnh hồ sơ tiêm / One request beside the records',
        params: CorrectionIdParams,
        response: { 200: CorrectionReview },
      },
    },
    async (req) => corrections.review(auditContext(req), req.params.id),
  );
  app.get(
    '/api/vaccination/corrections/:id/evidence/:evidenceId',
    {
      schema: {
        tags,
        summary: 'Tệp minh chứng / The evidence file',
        params: CorrectionEvidenceParams,
      },
    },
    async (req, reply) => {
      const e = await corrections.evidence(auditContext(req), req.params.id, req.params.evidenceId);
      // Served as a download under a name that says nothing about the person; never cached or sniffed.
      return reply
        .header('content-type', e.contentType)
        .header(
          'content-disposition',
          `attachment; filename="minh-chung.${EXTENSION[e.contentType] ?? 'bin'}"`,
        )
        .header('cache-control', 'private, no-store')
        .header('x-content-type-options', 'nosniff')
        .send(e.bytes);
    },
  );
  app.post(
    '/api/vaccination/corrections/:id/accept',
    {
      schema: {
        tags,
        summary:
          'Chấp nhận: ghi mũi tiêm, cấp lại chứng nhận / Accept: record the dose, reissue the certificate',
        params: CorrectionIdParams,
        body: DecisionBody,
        response: { 200: CorrectionDecision },
      },
    },
    async (req) => decisions.accept(auditContext(req), req.params.id, req.body.reason),
  );
  app.post(
    '/api/vaccination/corrections/:id/reject',
    {
      schema: {
        tags,
        summary: 'Từ chối kèm lý do / Reject with a reason',
        params: CorrectionIdParams,
        body: RejectBody,
        response: { 200: CorrectionDecision },
      },
    },
    async (req) => decisions.reject(auditContext(req), req.params.id, req.body.reason),
  );
}
