import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  MoveResolveBody,
  MoveReviewList,
  MoveReviewParams,
  MoveReviewQuery,
  MoveReviewSchema,
  MoveRunAnswer,
  MoveStepBody,
} from '@phongdich/contracts/geo';
import type { Db } from '../../../core/db/db';
import { auditContext } from '../../../core/http/request-audit';
import { latestMoveRun, runMove, type MoveRun } from './move.service';
import { listReviews, resolveReview } from './move.reviews';

const runJson = (r: MoveRun | null) =>
  r && { ...r, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null };

/**
 * The move to the 2025 map from the administrator's page: each POST runs a bounded number of batches
 * and answers the progress (the page posts again until done), so no request runs for minutes and an
 * interrupted move resumes from the next POST or from `npm run units:move`.
 */
export function unitMoveRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['units'];
  app.get(
    '/api/units/move',
    {
      schema: {
        tags,
        summary: 'Tiến độ chuyển sang bản đồ 2025 / Move progress',
        response: { 200: MoveRunAnswer },
      },
    },
    async (request) => ({ run: runJson(await latestMoveRun(db, auditContext(request))) }),
  );
  app.post(
    '/api/units/move',
    {
      schema: {
        tags,
        summary: 'Chạy tiếp việc chuyển hồ sơ sang mã 2025 / Run the next batches of the move',
        body: MoveStepBody,
        response: { 200: MoveRunAnswer },
      },
    },
    async (request) => {
      const run = await runMove(db, auditContext(request), {
        batchSize: 20_000,
        maxBatches: request.body?.batches ?? 20,
      });
      return { run: runJson(run) };
    },
  );
  app.get(
    '/api/units/move/reviews',
    {
      schema: {
        tags,
        summary: 'Hồ sơ chờ chọn xã mới (xã cũ bị chia) / Records waiting for their new commune',
        querystring: MoveReviewQuery,
        response: { 200: MoveReviewList },
      },
    },
    async (request) => ({
      items: await listReviews(db, auditContext(request), request.query),
    }),
  );
  app.post(
    '/api/units/move/reviews/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Chọn xã mới cho hồ sơ / Choose the record’s new commune',
        params: MoveReviewParams,
        body: MoveResolveBody,
        response: { 200: MoveReviewSchema },
      },
    },
    async (request) => resolveReview(db, auditContext(request), request.params.id, request.body.unitCode),
  );
}
