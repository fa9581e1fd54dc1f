import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { PersonStatusSchema, StatusParams, StatusRulesSchema } from '@phongdich/contracts/status';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { loadPerson, locationOf } from '../people';
import { auditContext } from '../../core/http/request-audit';
import { personStatus, RULE_SETS, statusSources } from './status.sources';

/** A person's health-status colour for officers, and what the colour is computed from. */
export function statusRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['status'];
  app.get(
    '/api/people/:id/status',
    {
      schema: {
        tags,
        summary: 'Màu trạng thái sức khoẻ của một người / A person’s health-status colour',
        params: StatusParams,
        response: { 200: PersonStatusSchema },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'status.read');
      const row = await loadPerson(db, request.params.id);
      authorize(ctx.actor, 'status.read', locationOf(row));
      const status = await personStatus(db, row.id);
      await recordAudit(db, ctx, { action: 'status.read', personId: row.id });
      return status;
    },
  );
  app.get(
    '/api/status/rules',
    {
      schema: {
        tags,
        summary: 'Quy tắc màu và nguồn dữ liệu / Colour rule sets and registered status sources',
        response: { 200: StatusRulesSchema },
      },
    },
    async () => ({ sources: statusSources(), ruleSets: RULE_SETS }),
  );
}
