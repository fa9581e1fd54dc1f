import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Db } from '../../../core/db/db';
import { auditContext } from '../../../core/http/request-audit';
import { latestMoveRun, runMove, type MoveRun } from './move.service';
import { listReviews, resolveReview } from './move.reviews';

const Progress = Type.Object({
  after: Type.Union([Type.String(), Type.Null()]),
  moved: Type.Integer(),
  review: Type.Integer(),
  done: Type.Boolean(),
});
const RunSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('running'), Type.Literal('done')]),
  progress: Type.Record(Type.String(), Progress),
  startedAt: Type.String({ format: 'date-time' }),
  finishedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
});
const RunAnswer = Type.Object({ run: Type.Union([RunSchema, Type.Null()]) });
const StepBody = Type.Object(
  { batches: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 20 })) },
  { additionalProperties: false },
);
const Review = Type.Object({
  id: Type.String(),
  table: Type.String(),
  reason: Type.Union([Type.Literal('split'), Type.Literal('unmapped'), Type.Literal('district')]),
  oldPath: Type.String(),
  oldName: Type.Union([Type.String(), Type.Null()]),
  provinceCode: Type.Union([Type.String(), Type.Null()]),
  candidates: Type.Array(Type.Object({ code: Type.String(), name: Type.String() })),
  status: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  resolvedCode: Type.Union([Type.String(), Type.Null()]),
});
const ReviewQuery = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('resolved')])),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 100 })),
  },
  { additionalProperties: false },
);
const IdParams = Type.Object({ id: Type.String({ format: 'uuid' }) });
const ResolveBody = Type.Object(
  {
    unitCode: Type.String({
      pattern: '^([0-9]{2}|[0-9]{5})$',
      description: '2025 commune (or province) code',
    }),
  },
  { additionalProperties: false },
);

const runJson = (r: MoveRun | null) =>
  r && { ...r, startedAt: r.startedAt.toISOString(), finishedAt: r.finishedAt?.toISOString() ?? null };

/**
 * The move to the 2025 map from the administrator's page: each POST runs a bounded number of batches
 * and answers the progress (the page posts again until done), so no request runs for minutes and an
 * interrupted move resumes from the next POST or from `npm run units:move`.
 */
export function unitMoveRoutes(app: FastifyInstance, db: Db): void {
  const tags = ['units'];
  app.get(
    '/api/units/move',
    {
      schema: {
        tags,
        summary: 'Tiến độ chuyển sang bản đồ 2025 / Move progress',
        response: { 200: RunAnswer },
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
        body: StepBody,
        response: { 200: RunAnswer },
      },
    },
    async (request) => {
      const body = (request.body ?? {}) as Static<typeof StepBody>;
      const run = await runMove(db, auditContext(request), {
        batchSize: 20_000,
        maxBatches: body.batches ?? 20,
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
        querystring: ReviewQuery,
        response: { 200: Type.Object({ items: Type.Array(Review) }) },
      },
    },
    async (request) => ({
      items: await listReviews(db, auditContext(request), request.query as Static<typeof ReviewQuery>),
    }),
  );
  app.post(
    '/api/units/move/reviews/:id/resolve',
    {
      schema: {
        tags,
        summary: 'Chọn xã mới cho hồ sơ / Choose the record’s new commune',
        params: IdParams,
        body: ResolveBody,
        response: { 200: Review },
      },
    },
    async (request) =>
      resolveReview(
        db,
        auditContext(request),
        (request.params as Static<typeof IdParams>).id,
        (request.body as Static<typeof ResolveBody>).unitCode,
      ),
  );
}
