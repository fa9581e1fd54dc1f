import { Type } from 'typebox';

const Uuid = Type.String({ format: 'uuid' });
const Time = Type.String({ format: 'date-time' });
const Nullable = <T extends ReturnType<typeof Type.String>>(t: T) => Type.Union([t, Type.Null()]);

/** Lengths and ranges are checked by the service, with messages in Vietnamese and English. */
export const CheckinHoldBody = Type.Object(
  { from: Time, to: Time, until: Time, reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);

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

export const HoldIdParams = Type.Object({ id: Uuid });

export const ReleaseBody = Type.Object(
  { reason: Type.Optional(Type.String({ maxLength: 500 })) },
  { additionalProperties: false },
);
