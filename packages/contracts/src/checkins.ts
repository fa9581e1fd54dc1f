/**
 * Check-ins' HTTP shapes (check-in, staff check-in, offline sync, checkout, tracing reads, the citizen's
 * own list, investigation holds): the one source of truth. The server validates and serializes with
 * these schemas; the web uses the static types derived from them (never a hand-written copy).
 */
import { Type, type Static } from 'typebox';

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
export type VisitorInput = Static<typeof VisitorBody>;

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
export type StaffInput = Static<typeof StaffBody>;

/** What a recorded (or replayed) check-in answers. */
export const CheckinResultSchema = Type.Object({
  id: Uuid,
  venueId: Uuid,
  venueName: Type.String(),
  serverTime: Time,
  duplicate: Type.Boolean(),
  /** Already checked in here within the same-visit window (by this or another of their codes). */
  sameVisit: Type.Optional(Type.Boolean()),
  declarationRequired: Type.Boolean(),
});
export type CheckinResult = Static<typeof CheckinResultSchema>;

export const IdParams = Type.Object({ id: Uuid });
export const CheckoutBody = Type.Object({ deviceTime: Time }, { additionalProperties: false });
export const CheckoutResult = Type.Object({ id: Uuid, checkoutTime: Time, minutesSpent: Type.Integer() });
export type CheckoutResult = Static<typeof CheckoutResult>;

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
export type BatchResult = Static<typeof BatchResult>;

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
export type AtVenueQuery = Static<typeof AtVenueBody>;
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
export type AtVenueResult = Static<typeof AtVenueResult>;

export const OfPersonBody = Type.Object(
  { personId: Uuid, days: Type.Optional(Type.Integer({ minimum: 1, maximum: 30 })) },
  { additionalProperties: false },
);
export type OfPersonQuery = Static<typeof OfPersonBody>;

/** One visit of a person: a tracing read's line, and a line of the citizen's own list. */
export const VisitSchema = Type.Object({
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
export type Visit = Static<typeof VisitSchema>;
export const OfPersonResult = Type.Object({
  personId: Uuid,
  days: Type.Integer(),
  masked: Type.Boolean(),
  items: Type.Array(VisitSchema),
});
export type OfPersonResult = Static<typeof OfPersonResult>;
export const MeQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
    /** The previous page's nextCursor: the page continues after its last (server time, id). */
    cursor: Type.Optional(Type.String({ maxLength: 200 })),
  },
  { additionalProperties: false },
);
export type MyCheckinsQuery = Static<typeof MeQuery>;
export const MeResult = Type.Object({ items: Type.Array(VisitSchema), nextCursor: Nullable(Type.String()) });
export type MyCheckins = Static<typeof MeResult>;

// Investigation holds on check-ins (of a person, or of a point).

/** Lengths and ranges are checked by the service, with messages in Vietnamese and English. */
export const CheckinHoldBody = Type.Object(
  { from: Time, to: Time, until: Time, reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
export type CheckinHoldInput = Static<typeof CheckinHoldBody>;

export const CheckinHoldSchema = Type.Object({
  id: Uuid,
  personId: Nullable(Uuid),
  venueId: Nullable(Uuid),
  venueName: Nullable(Type.String()),
  /** The held person's commune (null for a point's hold), so an area list reads without names. */
  // Optional: answers stored for idempotent replays before this field existed lack it.
  personCommuneName: Type.Optional(Nullable(Type.String())),
  from: Time,
  to: Time,
  heldUntil: Time,
  reason: Type.String(),
  active: Type.Boolean(),
  createdAt: Time,
  createdByName: Nullable(Type.String()),
  /** Set when an officer ended the hold early; null when it runs (or ran) to heldUntil. */
  releasedAt: Nullable(Time),
  releasedByName: Nullable(Type.String()),
});
export type CheckinHold = Static<typeof CheckinHoldSchema>;

export const CheckinHoldList = Type.Object({ items: Type.Array(CheckinHoldSchema) });

export const CheckinHoldQuery = Type.Object(
  {
    personId: Type.Optional(Uuid),
    venueId: Type.Optional(Uuid),
    active: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500 })),
  },
  { additionalProperties: false },
);
export type CheckinHoldQuery = Static<typeof CheckinHoldQuery>;

export const HoldIdParams = Type.Object({ id: Uuid });

export const ReleaseBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
