import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { figuresService, type FiguresQuery } from './figures.service';

const Day = Type.String({ format: 'date' });
const Level = Type.Union(['province', 'district', 'commune', 'venue'].map((l) => Type.Literal(l)));
const Result = Type.Object({
  level: Type.String(),
  unitCode: Type.Union([Type.String(), Type.Null()]),
  unitName: Type.Union([Type.String(), Type.Null()]),
  from: Type.String(),
  to: Type.String(),
  rows: Type.Array(
    Type.Object({
      unitCode: Type.String(),
      unitName: Type.String(),
      day: Type.String(),
      points: Type.Integer(),
      checkins: Type.Integer(),
      declarations: Type.Integer(),
    }),
  ),
});

/** Daily figures of check-in points: registered points, check-ins, declarations. */
export function figuresRoutes(app: FastifyInstance, db: Db): void {
  const figures = figuresService(db);
  const tags = ['figures'];
  app.get(
    '/api/figures/checkins',
    {
      schema: {
        tags,
        summary: 'Số liệu điểm kiểm soát theo ngày / Check-in figures per unit and day',
        querystring: Type.Object(
          {
            level: Level,
            unitCode: Type.Optional(Type.String({ pattern: '^(\\d{2}|\\d{3}|\\d{5})$' })),
            from: Type.Optional(Day),
            to: Type.Optional(Day),
          },
          { additionalProperties: false },
        ),
        response: { 200: Result },
      },
    },
    async (request) => figures.checkins(auditContext(request), request.query as FiguresQuery),
  );
  app.get(
    '/api/venues/:id/figures',
    {
      schema: {
        tags,
        summary: 'Số liệu của một điểm / Figures of one point',
        params: Type.Object({ id: Type.String({ format: 'uuid' }) }),
        querystring: Type.Object(
          { from: Type.Optional(Day), to: Type.Optional(Day) },
          { additionalProperties: false },
        ),
        response: { 200: Result },
      },
    },
    async (request: FastifyRequest) =>
      figures.venue(
        auditContext(request),
        (request.params as { id: string }).id,
        request.query as { from?: string; to?: string },
      ),
  );
}
