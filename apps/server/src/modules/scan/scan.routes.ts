import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Db } from '../../core/db/db';
import { auditContext } from '../../core/http/request-audit';
import { scanService } from './scan.service';
import { pendingIdentitiesService } from './scan.pending.service';

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
  // Not in the registry: the visit goes to a pending identity a commune officer will confirm or merge.
  pending: Type.Optional(Type.Boolean()),
  pendingCreated: Type.Optional(Type.Boolean()),
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

  const pending = pendingIdentitiesService(db);
  const tags = ['scan'];
  const Id = Type.Object({ id: Type.String({ maxLength: 64 }) });
  const Resolved = Type.Object({
    id: Type.String(),
    status: Type.String(),
    personId: Type.String(),
    visits: Type.Integer(),
  });
  const N = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
  app.get(
    '/api/pending-identities',
    {
      schema: {
        tags,
        summary: 'Khách quét thẻ chưa có trong sổ dân cư / Scanned visitors not in the registry',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                id: Type.String(),
                method: Type.String(),
                fullName: Type.String(),
                birthDate: N(Type.String()),
                birthYear: Type.Union([Type.Integer(), Type.Null()]),
                sex: N(Type.String()),
                cccd: N(Type.String()),
                bhyt: N(Type.String()),
                street: N(Type.String()),
                venueId: Type.String(),
                venueName: N(Type.String()),
                visits: Type.Integer(),
                createdAt: Type.String(),
              }),
            ),
          }),
        },
      },
    },
    async (request) => pending.list(auditContext(request)),
  );
  app.post(
    '/api/pending-identities/:id/confirm',
    {
      schema: {
        tags,
        summary: 'Xác nhận là người mới / Confirm as a new person',
        params: Id,
        response: { 200: Resolved },
      },
    },
    async (request) => pending.confirm(auditContext(request), (request.params as { id: string }).id),
  );
  app.post(
    '/api/pending-identities/:id/merge',
    {
      schema: {
        tags,
        summary: 'Gộp vào người đã có / Merge into an existing person',
        params: Id,
        body: Type.Object({ personId: Type.String({ maxLength: 64 }) }, { additionalProperties: false }),
        response: { 200: Resolved },
      },
    },
    async (request) =>
      pending.merge(
        auditContext(request),
        (request.params as { id: string }).id,
        (request.body as { personId: string }).personId,
      ),
  );
}
