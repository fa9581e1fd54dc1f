import { Type } from 'typebox';
import { StatusSchema } from '@phongdich/contracts/venues';
import { VENUE_KIND_CODES } from './venue-kinds';

// The shapes shared with the web live in packages/contracts; the list query needs the server's kinds.
export * from '@phongdich/contracts/venues';

export const ListQuerySchema = Type.Object(
  {
    status: Type.Optional(StatusSchema),
    kind: Type.Optional(Type.Union(VENUE_KIND_CODES.map((k) => Type.Literal(k)))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    parentId: Type.Optional(Type.String({ format: 'uuid' })),
    unreviewed: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 100000 })),
  },
  { additionalProperties: false },
);
