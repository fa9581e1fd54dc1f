import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);
const Text = Type.Object({ vi: Type.String(), en: Type.String() });

export const VisitorBody = Type.Object(
  {
    id: Uuid,
    venueToken: Type.String({ minLength: 1, maxLength: 512 }),
    personId: Type.Optional(Uuid),
    deviceTime: Time,
    method: Type.Optional(Type.Literal('venue_qr')),
  },
  { additionalProperties: false },
);

/** The scanned code, as the scanner read it; the person is resolved by the server (see the service). */
export const StaffBody = Type.Object(
  {
    id: Uuid,
    venueId: Uuid,
    code: Type.String({ minLength: 1, maxLength: 4200 }),
    deviceTime: Time,
  },
  { additionalProperties: false },
);

export const CheckinResultSchema = Type.Object({
  id: Uuid,
  venueId: Uuid,
  venueName: Type.String(),
  serverTime: Time,
  duplicate: Type.Boolean(),
  sameVisit: Type.Optional(Type.Boolean()),
  declarationRequired: Type.Boolean(),
});

export const IdParams = Type.Object({ id: Uuid });
export const CheckoutBody = Type.Object({ deviceTime: Time }, { additionalProperties: false });
export const CheckoutResult = Type.Object({ id: Uuid, checkoutTime: Time, minutesSpent: Type.Integer() });

/** Items are checked one by one in the service, so a malformed item is rejected alone. */
export const BatchBody = Type.Object({ items: Type.Array(Type.Unknown()) }, { additionalProperties: false });
export const BatchResult = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.Union([Type.Literal('created'), Type.Literal('duplicate'), Type.Literal('rejected')]),
      error: Type.Optional(Type.Object({ code: Type.String(), message: Text })),
    }),
  ),
});

export const AtVenueBody = Type.Object(
  {
    venueId: Uuid,
    from: Time,
    to: Time,
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const AtVenueResult = Type.Object({
  venueId: Uuid,
  venueName: Type.String(),
  masked: Type.Boolean(),
  items: Type.Array(
    Type.Object({
      id: Uuid,
      personId: Uuid,
      fullName: Nullable(Type.String()),
      phones: Type.Array(Type.String()),
      birthYear: Type.Union([Type.Integer(), Type.Null()]),
      method: Type.String(),
      deviceTime: Time,
      serverTime: Time,
      checkoutTime: Nullable(Time),
    }),
  ),
  nextCursor: Nullable(Type.String()),
});

export const OfPersonBody = Type.Object(
  { personId: Uuid, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })) },
  { additionalProperties: false },
);
const Visit = Type.Object({
  id: Uuid,
  personId: Uuid,
  venueId: Nullable(Uuid),
  venueName: Nullable(Type.String()),
  communeCode: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  provinceCode: Nullable(Type.String()),
  method: Type.String(),
  deviceTime: Time,
  serverTime: Time,
  checkoutTime: Nullable(Time),
});
export const OfPersonResult = Type.Object({
  personId: Uuid,
  days: Type.Integer(),
  masked: Type.Boolean(),
  items: Type.Array(Visit),
});
export const MeQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    /** The previous page's nextCursor: the page continues after its last (server time, id). */
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export const MeResult = Type.Object({ items: Type.Array(Visit), nextCursor: Nullable(Type.String()) });
