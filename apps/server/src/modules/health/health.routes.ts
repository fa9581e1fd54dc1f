import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: Type.Object({ status: Type.Literal('ok'), database: Type.String() }) },
      },
    },
    async () => {
      try {
        await db.query('select 1');
      } catch {
        throw new AppError('DATABASE_UNAVAILABLE');
      }
      return { status: 'ok' as const, database: db.kind };
    },
  );
}
