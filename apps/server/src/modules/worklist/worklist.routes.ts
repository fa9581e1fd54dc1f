import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { worklistService } from './worklist.service';
import { areaSummary } from './worklist.summary';

const Status = Type.Union([Type.Literal('open'), Type.Literal('in_progress'), Type.Literal('done')]);
const Item = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  personId: Type.Union([Type.String(), Type.Null()]),
  personName: Type.Union([Type.String(), Type.Null()]),
  personMasked: Type.Boolean(),
  communeCode: Type.String(),
  title: Type.Object({ vi: Type.String(), en: Type.String() }),
  priority: Type.Union([Type.Literal('normal'), Type.Literal('high')]),
  sourceType: Type.String(),
  sourceId: Type.String(),
  data: Type.Object({}, { additionalProperties: true }),
  status: Status,
  note: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});

/** Officers' follow-ups (warning declarations, positive results, re-tests…) for their area. */
export function worklistRoutes(app: FastifyInstance, db: Db): void {
  const service = worklistService(db);

  app.get(
    '/api/worklist',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Follow-ups for the officer’s area, newest and high priority first',
        querystring: Type.Object({
          status: Type.Optional(Status),
          kind: Type.Optional(Type.String({ maxLength: 64 })),
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
          before: Type.Optional(Type.String({ format: 'date-time' })),
        }),
        response: { 200: Type.Object({ items: Type.Array(Item) }) },
      },
    },
    async (request) => ({
      items: await service.list(auditContext(request), request.query as never),
    }),
  );

  app.get(
    '/api/worklist/summary',
    {
      schema: {
        tags: ['worklist'],
        summary: 'Counts for the officer’s home: open follow-ups, today’s check-ins and results in the area',
        response: {
          200: Type.Object({
            openItems: Type.Integer(),
            checkinsToday: Type.Integer(),
            resultsToday: Type.Integer(),
            positiveToday: Type.Integer(),
            since: Type.String(),
          }),
        },
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
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        body: Type.Object(
          { status: Status, note: Type.Optional(Type.String({ maxLength: 2000 })) },
          { additionalProperties: false },
        ),
        response: { 200: Item },
      },
    },
    async (request) => {
      const { id } = request.params as { id: string };
      return service.update(auditContext(request), id, request.body as never);
    },
  );
}
