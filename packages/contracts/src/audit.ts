/**
 * The audit trail's HTTP shapes (search, export, chain verification, published heads): the one source
 * of truth. The server validates and serializes with these schemas; the web uses the derived types.
 */
import { Type, type Static } from 'typebox';

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const filters = {
  personId: Type.Optional(Type.String({ format: 'uuid' })),
  actorAccountId: Type.Optional(Type.String({ maxLength: 100 })),
  action: Type.Optional(Type.String({ maxLength: 100 })),
  breakGlass: Type.Optional(Type.Boolean()),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
  beforeId: Type.Optional(Type.Integer({ minimum: 1 })),
};
/** The search's own filters: names and identity numbers, so only ever in a POST body. */
const namedFilters = {
  ...filters,
  personName: Type.Optional(Type.String({ maxLength: 200 })),
  personIdNumber: Type.Optional(Type.String({ maxLength: 20 })),
  actorName: Type.Optional(Type.String({ maxLength: 200 })),
};
const limit = Type.Optional(Type.Integer({ minimum: 1, maximum: 500 }));

export const AuditQuery = Type.Object({ ...filters, limit });
export const AuditSearchBody = Type.Object({ ...namedFilters, limit }, { additionalProperties: false });
export type AuditSearchBody = Static<typeof AuditSearchBody>;
export const AuditExportQuery = Type.Object(filters);
export const AuditExportBody = Type.Object(namedFilters, { additionalProperties: false });

export const AuditEntrySchema = Type.Object({
  id: Type.Integer(),
  at: Type.String({ format: 'date-time' }),
  actorAccountId: Nullable(Type.String()),
  actorRole: Nullable(Type.String()),
  actorUnit: Nullable(Type.String()),
  actorName: Nullable(Type.String()),
  actorUnitName: Nullable(Type.String()),
  action: Type.String(),
  personId: Nullable(Type.String()),
  ip: Nullable(Type.String()),
  reason: Nullable(Type.String()),
  breakGlass: Type.Boolean(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type AuditEntry = Static<typeof AuditEntrySchema>;

export const AuditEntriesSchema = Type.Object({
  items: Type.Array(AuditEntrySchema),
  nextBeforeId: Nullable(Type.Integer()),
});
export type AuditEntries = Static<typeof AuditEntriesSchema>;

/** What a chain check found wrong (the web names each in Vietnamese and English). */
export const ChainProblemSchema = Type.Union([
  /** seal_seq does not follow on (an entry removed from the middle, or renumbered). */
  Type.Literal('gap'),
  /** prev_hash is not the previous entry's hash (removed, renumbered, reordered). */
  Type.Literal('link'),
  /** The link does not recompute with the chain key (content, position or hash changed). */
  Type.Literal('hash'),
  /** The entry's MAC does not verify: its content is not what the application wrote. */
  Type.Literal('mac'),
  /** An unkeyed (pre-0022) link after keyed ones: a downgrade to recomputable hashes. */
  Type.Literal('unkeyed'),
  /** A published head signed another link at this position. */
  Type.Literal('head'),
  /** Entries a published head covered are missing from the end of the chain. */
  Type.Literal('truncated'),
  /** A published head does not verify (bad signature, broken link between heads, out of order). */
  Type.Literal('heads'),
  /** Entries that did not come through the application (no valid MAC), refused by the sealer. */
  Type.Literal('rejected'),
  /** A waiting entry whose MAC does not verify (the sealer will refuse it). */
  Type.Literal('forged'),
  /** Two entries with the same MAC: a copy of an entry. */
  Type.Literal('duplicate'),
  /** A row with a link or hash but no place in the chain. */
  Type.Literal('unchained'),
]);
export type ChainProblem = Static<typeof ChainProblemSchema>;

export const ChainReportSchema = Type.Object({
  ok: Type.Boolean(),
  checked: Type.Integer({ description: 'Chained entries whose hash and link were recomputed' }),
  legacy: Type.Integer({ description: 'Of which sealed before the chain was keyed (unkeyed hash)' }),
  unsealed: Type.Integer({ description: 'Entries committed but not chained yet' }),
  rejected: Type.Integer({ description: 'Entries the sealer refused: not written by the application' }),
  heads: Type.Integer({ description: 'Published signed heads checked' }),
  lastHead: Type.Optional(Type.Object({ sealSeq: Type.Integer(), time: Type.String() })),
  problem: Type.Optional(ChainProblemSchema),
  brokenAt: Type.Optional(Type.Integer({ description: 'Id of the first entry concerned, if any' })),
});
export type ChainReport = Static<typeof ChainReportSchema>;

export const ChainHeadSchema = Type.Object({
  v: Type.Literal(1),
  sealSeq: Type.Integer(),
  chainHash: Type.String(),
  count: Type.Integer(),
  time: Type.String({ format: 'date-time' }),
  prev: Type.String({ description: "SHA-256 of the previous head's JSON line (zeros for the first)" }),
  sig: Type.String({ description: 'Ed25519 signature (base64url) of the other fields, keys sorted' }),
});
export type ChainHead = Static<typeof ChainHeadSchema>;

export const ChainHeadsQuery = Type.Object({ since: Type.Optional(Type.String({ format: 'date-time' })) });
export const ChainHeadsSchema = Type.Object({
  alg: Type.Literal('Ed25519'),
  publicKeyPem: Type.String(),
  heads: Type.Array(ChainHeadSchema),
  more: Type.Boolean({ description: 'More heads follow: ask again with since = the last time' }),
});
export type ChainHeads = Static<typeof ChainHeadsSchema>;
