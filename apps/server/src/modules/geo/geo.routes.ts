import type { FastifyInstance } from 'fastify';
import { Type, type Static } from 'typebox';
import type { Db } from '../../core/db/db';
import { DEFAULT_LIMIT, MAX_LIMIT, geoService } from './geo.service';
import { requestContext } from '../../core/http/request-audit';

const StructureSchema = Type.Union([Type.Literal('pre2025'), Type.Literal('2025')], {
  description: "'pre2025' (3 levels) or '2025' (2 levels since 1/7/2025); default: the deployment's",
});
const CodeSchema = Type.String({ pattern: '^([0-9]{2}|[0-9]{3}|[0-9]{5})$', description: 'GSO code' });
const Nullable = (s: ReturnType<typeof Type.String>) => Type.Union([s, Type.Null()]);

export const UnitSchema = Type.Object({
  code: Type.String(),
  level: Type.Integer({ description: '1 province, 2 district, 3 commune' }),
  name: Type.String(),
  nameEn: Type.String(),
  fullName: Type.String(),
  fullNameEn: Type.String(),
  type: Type.String(),
  parentCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  districtCode: Nullable(Type.String()),
  population: Type.Optional(Type.Integer({ description: '2019 census, pre-2025 provinces only' })),
});

const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    level: Type.Optional(Type.Integer({ minimum: 1, maximum: 3 })),
    parentCode: Type.Optional(CodeSchema),
    structure: Type.Optional(StructureSchema),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_LIMIT, default: DEFAULT_LIMIT })),
  },
  { additionalProperties: false },
);
const StructureQuery = Type.Object(
  { structure: Type.Optional(StructureSchema) },
  { additionalProperties: false },
);
const CodeParams = Type.Object({ code: CodeSchema });
const Items = Type.Object({ items: Type.Array(UnitSchema) });

export function geoRoutes(app: FastifyInstance, db: Db): void {
  const service = geoService(db);
  const tags = ['units'];

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị hành chính / Search or list administrative units',
        querystring: SearchQuery,
        response: { 200: Items },
      },
    },
    async (request) => ({
      items: await service.search(requestContext(request).actor, request.query as Static<typeof SearchQuery>),
    }),
  );

  app.get(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: 'Một đơn vị hành chính / One administrative unit with its ancestors',
        params: CodeParams,
        querystring: StructureQuery,
        response: {
          200: Type.Object({
            unit: UnitSchema,
            ancestors: Type.Array(UnitSchema),
            childCount: Type.Integer(),
            mapping2025: Type.Optional(Type.Array(UnitSchema)),
          }),
        },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const { structure } = request.query as Static<typeof StructureQuery>;
      return service.get(requestContext(request).actor, code, structure);
    },
  );

  app.get(
    '/api/units/:code/children',
    {
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc / Units directly under a unit',
        params: CodeParams,
        querystring: StructureQuery,
        response: { 200: Items },
      },
    },
    async (request) => {
      const { code } = request.params as Static<typeof CodeParams>;
      const { structure } = request.query as Static<typeof StructureQuery>;
      return { items: await service.children(requestContext(request).actor, code, structure) };
    },
  );
}
