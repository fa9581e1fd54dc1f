import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AreaSummarySchema,
  WorklistItemParams,
  WorklistItemSchema,
  WorklistList,
  WorklistPatch,
  WorklistQuery,
} from '@phongdich/contracts/worklist';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { worklistService } from './worklist.service';
import { areaSummary } from './worklist.summary';

/** Officers' follow-ups (warning declarations, positive results, re-tests…) for their area. */
export function worklistRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const service = worklistService(db);

  app.get(
    '/api/worklist',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Follow-ups for the officer’s area, newest and high priority first',
        querystring: WorklistQuery,
        response: { 200: WorklistList },
      },
    },
    async (request) => ({
      items: await service.list(auditContext(request), request.query),
    }),
  );

  app.get(
    '/api/worklist/summary',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Counts for the officer’s home: open follow-ups, today’s check-ins and results in the area',
        response: { 200: AreaSummarySchema },
      },
    },
    async (request) => areaSummary(db, auditContext(request)),
  );

  app.patch(
    '/api/worklist/:id',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Update a follow-up’s status or note',
        params: WorklistItemParams,
        body: WorklistPatch,
        response: { 200: WorklistItemSchema },
      },
    },
    async (request) => service.update(auditContext(request), request.params.id, request.body),
  );
}
