import type { FastifyInstance } from 'fastify';
import { HealthSchema } from '@phongdich/contracts/health';
import type { Db } from '../../core/db/db';
import { AppError } from '../../core/errors';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and database reachability',
        response: { 200: HealthSchema },
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
