/**
 * The scanner's HTTP shapes (/api/scan/resolve) and the pending identities a venue's scans leave for a
 * commune officer: the one source of truth for server and web.
 */
import { Type, type Static } from 'typebox';
import { PersonSummarySchema } from './people';
import { BilingualSchema, ColourSchema } from './status';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const ScanBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 4200 }),
    venueId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);
export type ScanBody = Static<typeof ScanBody>;

/** How the scanned code named the person. */
export const ScanMethodSchema = Type.Union([
  Type.Literal('personal_qr'),
  Type.Literal('printed_qr'),
  Type.Literal('cccd'),
  Type.Literal('bhyt'),
]);
export type ScanMethod = Static<typeof ScanMethodSchema>;

const personAnswer = {
  kind: Type.Literal('person'),
  person: PersonSummarySchema,
  colour: ColourSchema,
  reasons: Type.Array(BilingualSchema),
  created: Type.Boolean(),
  method: ScanMethodSchema,
  communeAssumed: Type.Optional(Type.Boolean()),
  /** Not in the registry: the visit goes to a pending identity a commune officer will confirm or merge. */
  pending: Type.Optional(Type.Boolean()),
  pendingCreated: Type.Optional(Type.Boolean()),
};
const venueAnswer = {
  kind: Type.Literal('venue'),
  venueId: Type.String(),
  name: Type.String(),
  status: Type.Optional(Type.String()),
};
const certificateAnswer = { kind: Type.Literal('certificate'), raw: Type.String() };

/** What a scan resolved to: a person, a check-in point or a certificate (told apart by `kind`). */
export const ScanResultSchema = Type.Union([
  Type.Object(personAnswer),
  Type.Object(venueAnswer),
  Type.Object(certificateAnswer),
]);
export type ScanResult = Static<typeof ScanResultSchema>;

/**
 * The same answer as the route serializes it: one object with each kind's parts optional (simpler and
 * faster for the serializer than a union), built from the three kinds above so it cannot drift.
 */
export const ScanResultWire = Type.Object({
  ...Type.Partial(Type.Object({ ...personAnswer, ...venueAnswer, ...certificateAnswer })).properties,
  kind: Type.Union([personAnswer.kind, venueAnswer.kind, certificateAnswer.kind]),
});

export const PendingIdentitySchema = Type.Object({
  id: Type.String(),
  method: Type.Union([Type.Literal('cccd'), Type.Literal('bhyt')]),
  fullName: Type.String(),
  birthDate: Nullable(Type.String()),
  birthYear: Nullable(Type.Integer()),
  sex: Nullable(Type.String()),
  cccd: Nullable(Type.String()),
  bhyt: Nullable(Type.String()),
  street: Nullable(Type.String()),
  venueId: Type.String(),
  venueName: Nullable(Type.String()),
  visits: Type.Integer(),
  createdAt: Type.String(),
});
export type PendingIdentity = Static<typeof PendingIdentitySchema>;
export const PendingIdentityList = Type.Object({ items: Type.Array(PendingIdentitySchema) });

export const PendingIdentityParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
export const PendingMergeBody = Type.Object(
  { personId: Type.String({ maxLength: 64 }) },
  { additionalProperties: false },
);
export const PendingResolvedSchema = Type.Object({
  id: Type.String(),
  status: Type.Union([Type.Literal('confirmed'), Type.Literal('merged')]),
  personId: Type.String(),
  visits: Type.Integer(),
});
export type PendingResolved = Static<typeof PendingResolvedSchema>;
