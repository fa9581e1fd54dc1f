/**
 * The people registry's HTTP shapes: the one source of truth. The server validates and serializes with
 * these schemas; the web uses the static types derived from them (never a hand-written copy).
 */
import { Type, type Static } from 'typebox';

const Str = (max: number) => Type.String({ maxLength: max });
const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
const Sex = Type.Union([Type.Literal('male'), Type.Literal('female'), Type.Literal('other')]);
const Uuid = Type.String({ format: 'uuid' });

export const IdParams = Type.Object({ id: Uuid });

/** Person fields a client may send; format rules live in the domain validators (field-level errors). */
const personFields = {
  fullName: Type.String({ minLength: 1, maxLength: 200 }),
  birthDate: Type.Optional(Nullable(Type.String({ maxLength: 10, description: 'YYYY-MM-DD' }))),
  birthYear: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2200 })),
  sex: Sex,
  nationality: Type.Optional(Type.String({ minLength: 2, maxLength: 2 })),
  cccd: Type.Optional(Nullable(Str(20))),
  cmnd: Type.Optional(Nullable(Str(20))),
  passport: Type.Optional(Nullable(Str(20))),
  bhyt: Type.Optional(Nullable(Str(20))),
  phones: Type.Optional(Type.Array(Str(20), { maxItems: 5 })),
  communeCode: Type.String({ minLength: 1, maxLength: 10 }),
  street: Type.Optional(Nullable(Str(300))),
};

export const PersonBody = Type.Object(personFields, { additionalProperties: false });
export const FamilyBody = Type.Object(
  { ...personFields, relation: Type.String({ minLength: 1, maxLength: 50 }) },
  { additionalProperties: false },
);
export const PatchBody = Type.Object(
  { ...Type.Partial(PersonBody).properties, version: Type.Integer({ minimum: 1 }) },
  { additionalProperties: false },
);

/** Opening a record outside the officer's area needs a written reason (audited). */
export const BreakGlassBody = Type.Object(
  { reason: Type.String({ maxLength: 500 }) },
  { additionalProperties: false },
);
export const MergeBody = Type.Object({ duplicateId: Uuid }, { additionalProperties: false });
export type BreakGlassInput = Static<typeof BreakGlassBody>;
export type MergeInput = Static<typeof MergeBody>;

export const SearchBody = Type.Object(
  {
    q: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
    idNumber: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    phone: Type.Optional(Type.String({ minLength: 1, maxLength: 20 })),
    birthYear: Type.Optional(Type.Integer({ minimum: 1800, maximum: 2200 })),
    communeCode: Type.Optional(Type.String({ pattern: '^[0-9]{5}$' })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
    cursor: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
);

export const PersonSummarySchema = Type.Object({
  id: Type.String(),
  fullName: Type.String(),
  birthYear: Type.Integer(),
  sex: Sex,
  communeCode: Type.String(),
  communeName: Nullable(Type.String()),
  masked: Type.Boolean(),
  idHint: Nullable(Type.String()),
});

export const PersonSchema = Type.Object({
  id: Type.String(),
  masked: Type.Boolean(),
  canBreakGlass: Type.Boolean(),
  fullName: Type.String(),
  birthDate: Nullable(Type.String()),
  birthYear: Type.Integer(),
  sex: Sex,
  nationality: Type.String(),
  cccd: Nullable(Type.String()),
  cmnd: Nullable(Type.String()),
  passport: Nullable(Type.String()),
  bhyt: Nullable(Type.String()),
  phones: Type.Array(Type.String()),
  communeCode: Type.String(),
  communeName: Nullable(Type.String()),
  districtCode: Nullable(Type.String()),
  provinceCode: Type.String(),
  street: Nullable(Type.String()),
  family: Type.Array(Type.Object({ id: Type.String(), fullName: Type.String(), relation: Type.String() })),
  mergedInto: Nullable(Type.String()),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  version: Type.Integer(),
});

export const SearchResult = Type.Object({
  items: Type.Array(PersonSummarySchema),
  nextCursor: Nullable(Type.String()),
});

export const DuplicatesResult = Type.Object({
  items: Type.Array(
    Type.Object({
      person: PersonSummarySchema,
      reasons: Type.Array(
        Type.Union([
          Type.Literal('same_id'),
          Type.Literal('same_name_birth_commune'),
          Type.Literal('same_phone'),
        ]),
      ),
    }),
  ),
});

export const HistoryResult = Type.Object({
  items: Type.Array(
    Type.Object({
      at: Type.String(),
      actorName: Nullable(Type.String()),
      kind: Type.String(),
      changes: Type.Record(Type.String(), Type.Unknown()),
    }),
  ),
});

export const MeResult = Type.Object({
  person: Type.Union([PersonSchema, Type.Null()]),
  family: Type.Array(PersonSchema),
});

export type PersonSummary = Static<typeof PersonSummarySchema>;
export type Person = Static<typeof PersonSchema>;
/** What a client sends to register a person (and, with `relation`, a family member). */
export type PersonInput = Static<typeof PersonBody> & { relation?: string };
export type PersonPatchInput = Static<typeof PatchBody>;
export type PersonSearchInput = Static<typeof SearchBody>;
export type PersonSearchResult = Static<typeof SearchResult>;
export type DuplicateReason = Static<typeof DuplicatesResult>['items'][number]['reasons'][number];
export type HistoryItem = Static<typeof HistoryResult>['items'][number];
export type MyPeople = Static<typeof MeResult>;

// Identity claims (issue #8 item 1): a citizen registered with an identity number another record
// holds; the commune officer who sees the papers resolves it.
const IdNumbers = Type.Object({
  cccd: Type.Optional(Nullable(Str(20))),
  cmnd: Type.Optional(Nullable(Str(20))),
  passport: Type.Optional(Nullable(Str(20))),
  bhyt: Type.Optional(Nullable(Str(20))),
});
const IdField = Type.Union([
  Type.Literal('cccd'),
  Type.Literal('cmnd'),
  Type.Literal('passport'),
  Type.Literal('bhyt'),
]);
const Resolution = Type.Union([Type.Literal('merged'), Type.Literal('rejected'), Type.Literal('corrected')]);
export const ClaimParams = Type.Object({ id: Type.String({ pattern: '^[0-9]{1,18}$', maxLength: 18 }) });
export const ClaimListResult = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      at: Type.String(),
      person: PersonSummarySchema,
      fields: Type.Array(IdField),
    }),
  ),
});
export const ClaimDetail = Type.Object({
  id: Type.String(),
  at: Type.String(),
  status: Type.Union([Type.Literal('pending'), Resolution]),
  claimed: IdNumbers,
  /** The citizen's new record, made without the number. */
  claimant: PersonSchema,
  /** The record holding the number now, masked outside the officer's area; null if none holds it. */
  holder: Type.Union([PersonSchema, Type.Null()]),
});
export const ClaimResolveBody = Type.Union([
  Type.Object({ outcome: Type.Literal('merge') }, { additionalProperties: false }),
  Type.Object(
    { outcome: Type.Literal('reject'), reason: Type.String({ minLength: 1, maxLength: 300 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { outcome: Type.Literal('correct'), numbers: IdNumbers, version: Type.Integer({ minimum: 0 }) },
    { additionalProperties: false },
  ),
]);
export const ClaimResolveResult = Type.Object({
  id: Type.String(),
  status: Resolution,
  /** The record the citizen's account stands for afterwards. */
  person: PersonSchema,
});
export type IdentityClaimListItem = Static<typeof ClaimListResult>['items'][number];
export type IdentityClaim = Static<typeof ClaimDetail>;
export type IdentityClaimResolution = Static<typeof ClaimResolveBody>;
export type IdentityClaimResolved = Static<typeof ClaimResolveResult>;
