import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  FiguresQuery,
  FiguresRangeQuery,
  FiguresResultSchema,
  FiguresVenueParams,
} from '@phongdich/contracts/figures';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { figuresService } from './figures.service';

/** Daily figures of check-in points: registered points, check-ins, declarations. */
export function figuresRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const figures = figuresService(db);
  const tags = ['figures'];
  app.get(
    '/api/figures/checkins',
    {
      schema: {
        tags,
        summary: 'Số liệu điểm kiểm soát theo ngày / Check-in figures per unit and day',
        querystring: FiguresQuery,
        response: { 200: FiguresResultSchema },
      },
    },
    async (request) => figures.checkins(auditContext(request), request.query),
  );
  app.get(
    '/api/venues/:id/figures',
    {
      schema: {
        tags,
        summary: 'Số liệu của một điểm / Figures of one point',
        params: FiguresVenueParams,
        querystring: FiguresRangeQuery,
        response: { 200: FiguresResultSchema },
      },
    },
    async (request) => figures.venue(auditContext(request), request.params.id, request.query),
  );
}
