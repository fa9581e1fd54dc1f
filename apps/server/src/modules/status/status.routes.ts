import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { recordAudit } from '../../core/audit/audit';
import { authorize } from '../../core/auth/policy';
import { loadPerson, locationOf } from '../people';
import { auditContext } from '../../core/http/request-audit';
import { personStatus, RULE_SETS, statusSources } from './status.sources';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });

/** A person's health-status colour for officers, and what the colour is computed from. */
export function statusRoutes(app: FastifyInstance, db: Db): void {
  const tags = ['status'];
  app.get(
    '/api/people/:id/status',
    {
      schema: {
        tags,
        summary: 'Màu trạng thái sức khoẻ của một người / A person’s health-status colour',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Object({
            colour: Type.String(),
            reasons: Type.Array(Text),
            ruleSetVersion: Type.String(),
          }),
        },
      },
    },
    async (request) => {
      const ctx = auditContext(request);
      authorize(ctx.actor, 'status.read');
      const row = await loadPerson(db, (request.params as { id: string }).id);
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
        response: {
          200: Type.Object({
            sources: Type.Array(Type.String()),
            ruleSets: Type.Array(Type.Object({}, { additionalProperties: true })),
          }),
        },
      },
    },
    async () => ({ sources: statusSources(), ruleSets: RULE_SETS }),
  );
}
