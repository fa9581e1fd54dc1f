import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../people/people.routes';
import { scanService } from './scan.service';

const Text = Type.Object({ vi: Type.String(), en: Type.String() });
const PersonSummary = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  birthYear: Type.Integer(),
  sex: Type.String(),
  communeCode: Type.String(),
  communeName: Type.Union([Type.String(), Type.Null()]),
  masked: Type.Boolean(),
  idHint: Type.Union([Type.String(), Type.Null()]),
});
// One object schema with optional parts per kind (simpler for the serializer than a union).
const ScanResult = Type.Object({
  kind: Type.Union([Type.Literal('person'), Type.Literal('venue'), Type.Literal('certificate')]),
  person: Type.Optional(PersonSummary),
  colour: Type.Optional(Type.String()),
  reasons: Type.Optional(Type.Array(Text)),
  created: Type.Optional(Type.Boolean()),
  method: Type.Optional(Type.String()),
  communeAssumed: Type.Optional(Type.Boolean()),
  venueId: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  status: Type.Optional(Type.String()),
  raw: Type.Optional(Type.String()),
});

/** The one scanner endpoint (codes are personal data: always in a POST body). */
export function scanRoutes(app: FastifyInstance, db: Db): void {
  const scan = scanService(db);
  app.post(
    '/api/scan/resolve',
    {
      schema: {
        tags: ['scan'],
        summary: 'Đọc mọi loại mã / Resolve any scanned code',
        body: Type.Object(
          {
            code: Type.String({ minLength: 1, maxLength: 4200 }),
            venueId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: ScanResult },
      },
    },
    async (request) =>
      scan.resolve(auditContext(request), request.body as { code: string; venueId?: string }),
  );
}
