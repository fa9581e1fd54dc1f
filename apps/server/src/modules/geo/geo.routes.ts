import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  UnitCodeParams,
  UnitDetailSchema,
  UnitList,
  UnitSearchQuery,
  UnitStructureQuery,
} from '@phongdich/contracts/geo';
import type { Db } from '../../core/db/db';
import { geoService } from './geo.service';
import { requestContext } from '../../core/http/request-audit';

export function geoRoutes(root: FastifyInstance, db: Db): void {
  const app = root.withTypeProvider<TypeBoxTypeProvider>();
  const service = geoService(db);
  const tags = ['units'];

  app.get(
    '/api/units',
    {
      schema: {
        tags,
        summary: 'Tìm đơn vị hành chính / Search or list administrative units',
        querystring: UnitSearchQuery,
        response: { 200: UnitList },
      },
    },
    async (request) => ({
      items: await service.search(requestContext(request).actor, request.query),
    }),
  );

  app.get(
    '/api/units/:code',
    {
      schema: {
        tags,
        summary: 'Một đơn vị hành chính / One administrative unit with its ancestors',
        params: UnitCodeParams,
        querystring: UnitStructureQuery,
        response: { 200: UnitDetailSchema },
      },
    },
    async (request) =>
      service.get(requestContext(request).actor, request.params.code, request.query.structure),
  );

  app.get(
    '/api/units/:code/children',
    {
      schema: {
        tags,
        summary: 'Đơn vị trực thuộc / Units directly under a unit',
        params: UnitCodeParams,
        querystring: UnitStructureQuery,
        response: { 200: UnitList },
      },
    },
    async (request) => ({
      items: await service.children(
        requestContext(request).actor,
        request.params.code,
        request.query.structure,
      ),
    }),
  );
}
