import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../db/db';
import { authorize } from '../auth/policy';
import { recordAudit } from '../audit/audit';
import { AppError } from '../errors';
import { listDeadEvents, retryDeadEvent } from './dead-letters';
import { auditContext, requestContext } from '../http/request-audit';

const DeadEventSchema = Type.Object({
  id: Type.Integer(),
  type: Type.String(),
  attempts: Type.Integer(),
  lastError: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  lastAttemptAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});

/** Dead letters for national administrators: see what failed too often, and try it again. */
export function eventsAdminRoutes(app: FastifyInstance, db: Db, dispatchNow: () => Promise<void>): void {
  app.get(
    '/api/admin/events/dead',
    {
      schema: {
        tags: ['events'],
        summary: 'Domain events that failed too often and wait for an administrator (no payloads)',
        response: { 200: Type.Object({ items: Type.Array(DeadEventSchema) }) },
      },
    },
    async (request) => {
      authorize(requestContext(request).actor, 'events.manage');
      return { items: await listDeadEvents(db) };
    },
  );

  app.post(
    '/api/admin/events/:id/retry',
    {
      schema: {
        tags: ['events'],
        summary: 'Give a dead event a fresh set of attempts (handlers that succeeded are not run again)',
        params: Type.Object({ id: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER }) }),
        response: { 204: Type.Null() },
      },
    },
    async (request, reply) => {
      authorize(requestContext(request).actor, 'events.manage');
      const { id } = request.params as { id: number };
      await db.transaction(async (tx) => {
        const retried = await retryDeadEvent(tx, id);
        if (!retried) throw new AppError('DEAD_EVENT_NOT_FOUND');
        await recordAudit(tx, auditContext(request), {
          action: 'events.retry',
          details: { eventId: id, type: retried.type },
        });
      });
      void dispatchNow();
      return reply.code(204).send();
    },
  );
}
