import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AreaHoldQuery,
  DeclarationHoldList,
  DeclarationHoldSchema,
  DeclarationList,
  DeclarationSchema,
  HoldBody,
  HoldQuery,
  IdParams,
  KindQuery,
  QuestionSetSchema,
  ReleaseBody,
  SubmitBody,
  SubmitResultSchema,
} from '@phongdich/contracts/declarations';
import type { Db } from '../../core/db/db';
import { LOCKS } from '../../core/db/locks';
import { optionalBody } from '../../core/http/optional-body';
import { auditContext, idempotencyKeyOf } from '../../core/http/request-audit';
import { declarationsHoldService } from './declarations.hold.service';
import { declarationsReadService } from './declarations.read.service';
import { ensureDeclarationPartitions } from './declarations.repository';
import { declarationRetentionDays, runDeclarationRetention } from './declarations.retention';
import { declarationsService } from './declarations.service';

const HOUSEKEEPING_MS = 6 * 60 * 60 * 1000;

/**
 * Partitions for last month to three months ahead, and the retention drop, at start and every 6 hours.
 * A failure is logged and retried next round: declaring must not depend on housekeeping.
 */
function scheduleHousekeeping(app: FastifyInstance, db: Db): void {
  const retentionDays = declarationRetentionDays();
  app.jobs.add({
    name: 'declaration-housekeeping',
    everyMs: HOUSEKEEPING_MS,
    atStart: 'await',
    lock: LOCKS.declarationHousekeeping,
    run: async () => {
      const now = new Date();
      await ensureDeclarationPartitions(
        db,
        new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)),
        4,
      );
      const dropped = await runDeclarationRetention(db, now, retentionDays);
      if (dropped.length) app.log.info({ dropped }, 'declaration partitions dropped by retention');
    },
  });
}

/** Health declarations (khai báo y tế): questions, submission, the citizen's and officers' reads. */
export function declarationsRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const write = declarationsService(db);
  const read = declarationsReadService(db);
  const holds = declarationsHoldService(db);
  const tags = ['declarations'];
  scheduleHousekeeping(app, db);

  app.get(
    '/api/declarations/questions',
    {
      schema: {
        tags,
        summary: 'Bộ câu hỏi đang áp dụng / Question set in force',
        querystring: KindQuery,
        response: { 200: QuestionSetSchema },
      },
    },
    async (request) => write.questions(request.query.kind),
  );
  app.post(
    '/api/declarations',
    {
      bodyLimit: 64 * 1024,
      schema: {
        tags,
        summary: 'Khai báo y tế (hỗ trợ Idempotency-Key) / Submit a health declaration',
        body: SubmitBody,
        response: { 201: SubmitResultSchema },
      },
    },
    async (request, reply) => {
      const res = await write.submit(auditContext(request), request.body, idempotencyKeyOf(request));
      return reply.status(201).send(res.body);
    },
  );
  app.get(
    '/api/me/declarations',
    {
      schema: {
        tags,
        summary: 'Tờ khai của tôi và gia đình / My and my family’s declarations',
        response: { 200: DeclarationList },
      },
    },
    async (request) => read.mine(auditContext(request)),
  );
  app.get(
    '/api/declarations/:id',
    {
      schema: {
        tags,
        summary: 'Xem tờ khai / Read a declaration',
        params: IdParams,
        response: { 200: DeclarationSchema },
      },
    },
    async (request) => read.get(auditContext(request), request.params.id),
  );
  app.get(
    '/api/people/:id/declarations',
    {
      schema: {
        tags,
        summary: 'Tờ khai của một người / A person’s declarations',
        params: IdParams,
        response: { 200: DeclarationList },
      },
    },
    async (request) => read.ofPerson(auditContext(request), request.params.id),
  );
  app.post(
    '/api/people/:id/declaration-holds',
    {
      schema: {
        tags,
        summary:
          'Giữ tờ khai phục vụ điều tra (hỗ trợ Idempotency-Key) / Hold declarations for an investigation (Idempotency-Key supported)',
        params: IdParams,
        body: HoldBody,
        response: { 201: DeclarationHoldSchema },
      },
    },
    async (request, reply) => {
      const res = await holds.hold(
        auditContext(request),
        request.params.id,
        request.body,
        idempotencyKeyOf(request),
      );
      return reply.status(201).send(res.body);
    },
  );
  app.get(
    '/api/people/:id/declaration-holds',
    {
      schema: {
        tags,
        summary: 'Các lệnh giữ tờ khai của một người / A person’s declaration holds',
        params: IdParams,
        querystring: HoldQuery,
        response: { 200: DeclarationHoldList },
      },
    },
    async (request) => holds.list(auditContext(request), request.params.id, request.query.active),
  );
  app.get(
    '/api/declaration-holds',
    {
      schema: {
        tags,
        summary: 'Các lệnh giữ tờ khai trong địa bàn / Declaration holds in the officer’s area',
        querystring: AreaHoldQuery,
        response: { 200: DeclarationHoldList },
      },
    },
    async (request) => holds.listArea(auditContext(request), request.query),
  );
  app.post(
    '/api/declaration-holds/:id/release',
    {
      preValidation: optionalBody,
      schema: {
        tags,
        summary: 'Thôi giữ tờ khai trước hạn / Release a declaration hold early',
        params: IdParams,
        body: ReleaseBody,
        response: { 200: DeclarationHoldSchema },
      },
    },
    async (request) => holds.release(auditContext(request), request.params.id, request.body.reason),
  );
}
